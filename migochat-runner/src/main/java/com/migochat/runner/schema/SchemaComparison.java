package com.migochat.runner.schema;

import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.liquibase.LiquibaseSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.DiffResult;
import liquibase.diff.Difference;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.ObjectChangeFilter;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.exception.LiquibaseException;
import liquibase.serializer.core.xml.XMLChangeLogSerializer;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;

/**
 * Compares two schemas with Liquibase's diff: tables, columns (type, nullability, default), primary
 * keys, foreign keys, unique constraints and indexes. Liquibase's own tables are left out.
 *
 * <p>Objects are matched by what they are, not by what they are called: a unique constraint on
 * {@code users(psid)} is the same whatever its name, because two tools never name them alike.
 */
public final class SchemaComparison {

  private static final Set<Class<? extends DatabaseObject>> COMPARED =
      Set.of(
          Table.class,
          Column.class,
          PrimaryKey.class,
          ForeignKey.class,
          UniqueConstraint.class,
          Index.class);

  private final String referenceName;
  private final String comparedName;

  /**
   * @param referenceName what the reference schema is, e.g. "the changelog"
   * @param comparedName what the compared schema is, e.g. "the database"
   */
  public SchemaComparison(String referenceName, String comparedName) {
    this.referenceName = referenceName;
    this.comparedName = comparedName;
  }

  /**
   * The differences of {@code compared} from {@code reference}, and the changes that remove them.
   */
  public SchemaDifferences compare(DataSource reference, DataSource compared) {
    try (Connection referenceConnection = reference.getConnection();
        Connection comparedConnection = compared.getConnection()) {
      return compare(
          LiquibaseSession.database(referenceConnection),
          LiquibaseSession.database(comparedConnection));
    } catch (SQLException e) {
      throw MigrationException.ofConnection(e);
    } catch (LiquibaseException e) {
      throw MigrationException.unexpected(e);
    }
  }

  private SchemaDifferences compare(Database reference, Database compared)
      throws LiquibaseException {
    // Liquibase narrows the set it is given: hand it a copy.
    CompareControl control = new CompareControl(new HashSet<>(COMPARED));
    for (Class<? extends DatabaseObject> type : COMPARED) {
      control.addSuppressedField(type, "name");
    }
    control.addSuppressedField(Column.class, "order");
    DiffResult diff = DiffGeneratorFactory.getInstance().compare(reference, compared, control);
    List<String> differences = new ArrayList<>();
    diff.getMissingObjects().stream()
        .filter(SchemaComparison::isApplications)
        .forEach(object -> differences.add(describe(object) + ": only in " + referenceName));
    diff.getUnexpectedObjects().stream()
        .filter(SchemaComparison::isApplications)
        .forEach(object -> differences.add(describe(object) + ": only in " + comparedName));
    for (Map.Entry<DatabaseObject, ObjectDifferences> changed :
        diff.getChangedObjects().entrySet()) {
      if (!isApplications(changed.getKey())) {
        continue;
      }
      for (Difference difference : changed.getValue().getDifferences()) {
        differences.add(
            describe(changed.getKey())
                + ": "
                + difference.getField()
                + " is "
                + difference.getReferenceValue()
                + " in "
                + referenceName
                + ", "
                + difference.getComparedValue()
                + " in "
                + comparedName);
      }
    }
    differences.sort(Comparator.naturalOrder());
    List<String> changes = new ArrayList<>();
    DiffOutputControl output = new DiffOutputControl(false, false, false, null);
    output.setObjectChangeFilter(new ApplicationObjects());
    XMLChangeLogSerializer xml = new XMLChangeLogSerializer();
    for (ChangeSet changeSet : new DiffToChangeLog(diff, output).generateChangeSets()) {
      for (Change change : changeSet.getChanges()) {
        changes.add(xml.serialize(change, true));
      }
    }
    return new SchemaDifferences(differences, changes);
  }

  /** Whether the object belongs to the application, not to Liquibase's bookkeeping. */
  private static boolean isApplications(DatabaseObject object) {
    String table = null;
    if (object instanceof Table) {
      table = object.getName();
    } else if (object instanceof Column column && column.getRelation() != null) {
      table = column.getRelation().getName();
    } else if (object instanceof Index index && index.getRelation() != null) {
      table = index.getRelation().getName();
    } else if (object instanceof PrimaryKey key && key.getTable() != null) {
      table = key.getTable().getName();
    } else if (object instanceof UniqueConstraint unique && unique.getRelation() != null) {
      table = unique.getRelation().getName();
    } else if (object instanceof ForeignKey key && key.getForeignKeyTable() != null) {
      table = key.getForeignKeyTable().getName();
    }
    return table == null || !table.toLowerCase(Locale.ROOT).startsWith("databasechangelog");
  }

  /** Leaves Liquibase's own tables out of the drafted changes. */
  private static final class ApplicationObjects implements ObjectChangeFilter {

    @Override
    public boolean includeMissing(DatabaseObject object, Database reference, Database compared) {
      return isApplications(object);
    }

    @Override
    public boolean includeUnexpected(DatabaseObject object, Database reference, Database compared) {
      return isApplications(object);
    }

    @Override
    public boolean includeChanged(
        DatabaseObject object,
        ObjectDifferences differences,
        Database reference,
        Database compared) {
      return isApplications(object);
    }

    @Override
    public boolean include(DatabaseObject object) {
      return isApplications(object);
    }
  }

  private static String describe(DatabaseObject object) {
    String kind = object.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2");
    return kind.toLowerCase(Locale.ROOT) + " " + object;
  }
}
