package com.migochat.runner.validation;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.validation.ValidationFinding.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.InsertDataChange;
import liquibase.change.core.LoadDataChange;
import liquibase.change.core.UpdateDataChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;

/**
 * Lints the changelog's rollbacks: changesets that cannot be rolled back, and rollbacks that drop
 * data the changeset derived from other data.
 */
public final class RollbackLint {

  /** The label that says a data-losing rollback was reviewed and is accepted. */
  public static final String DESTRUCTIVE_ROLLBACK = "destructive-rollback";

  private RollbackLint() {}

  static List<ValidationFinding> check(List<ChangeSet> changeSets, Database database) {
    List<ValidationFinding> findings = new ArrayList<>();
    for (ChangeSet changeSet : changeSets) {
      List<String> irreversible =
          changeSet.getChanges().stream()
              .filter(change -> !change.supportsRollback(database))
              .map(RollbackLint::nameOf)
              .toList();
      if (changeSet.getRollback().getChanges().isEmpty() && !irreversible.isEmpty()) {
        findings.add(
            new ValidationFinding(
                Kind.NO_ROLLBACK,
                ChangeSetRef.of(changeSet),
                "has no <rollback>, and Liquibase cannot derive one for "
                    + irreversible.stream().distinct().collect(Collectors.joining(", ")),
                "add a <rollback> that undoes it; a downgrade past it is refused until then"));
      }
    }
    for (ChangeSet changeSet : changeSets) {
      List<String> dropped = droppedByRollback(changeSet);
      if (!dropped.isEmpty()
          && derivesData(changeSet)
          && !changeSet.getLabels().getLabels().contains(DESTRUCTIVE_ROLLBACK)) {
        findings.add(
            new ValidationFinding(
                Kind.DESTRUCTIVE_ROLLBACK,
                ChangeSetRef.of(changeSet),
                "its rollback drops "
                    + String.join(", ", dropped)
                    + ", which the changeset fills from other data; a downgrade loses what was"
                    + " written there since",
                "make the rollback put the data back where it came from; or, once you are sure"
                    + " nothing is lost (the originals are kept), mark the changeSet with labels=\""
                    + DESTRUCTIVE_ROLLBACK
                    + "\" and say why in its comment"));
      }
    }
    return findings;
  }

  /**
   * What the rollback drops: its own dropColumn and dropTable, or the inverse of add and create.
   */
  private static List<String> droppedByRollback(ChangeSet changeSet) {
    List<String> dropped = new ArrayList<>();
    List<Change> rollback = changeSet.getRollback().getChanges();
    if (rollback.isEmpty()) {
      for (Change change : changeSet.getChanges()) {
        if (change instanceof AddColumnChange add) {
          add.getColumns()
              .forEach(
                  column -> dropped.add("column " + add.getTableName() + "." + column.getName()));
        } else if (change instanceof CreateTableChange create) {
          dropped.add("table " + create.getTableName());
        }
      }
      return dropped;
    }
    for (Change change : rollback) {
      if (change instanceof DropColumnChange drop) {
        String columns =
            drop.getColumnName() != null
                ? drop.getColumnName()
                : drop.getColumns().stream()
                    .map(column -> column.getName())
                    .collect(Collectors.joining(", "));
        dropped.add("column " + drop.getTableName() + "." + columns);
      } else if (change instanceof DropTableChange drop) {
        dropped.add("table " + drop.getTableName());
      }
    }
    return dropped;
  }

  /** Whether the changeset writes data computed from other data: updates, SQL, computed values. */
  private static boolean derivesData(ChangeSet changeSet) {
    for (Change change : changeSet.getChanges()) {
      if (change instanceof UpdateDataChange
          || change instanceof AbstractSQLChange
          || change instanceof InsertDataChange
          || change instanceof LoadDataChange) {
        return true;
      }
      if (change instanceof AddColumnChange add
          && add.getColumns().stream().anyMatch(column -> column.getValueComputed() != null)) {
        return true;
      }
    }
    return false;
  }

  private static String nameOf(Change change) {
    return change.getSerializedObjectName();
  }
}
