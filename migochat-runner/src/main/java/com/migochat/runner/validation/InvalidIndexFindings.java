package com.migochat.runner.validation;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.index.CreatedIndex;
import com.migochat.runner.index.IndexesCreated;
import com.migochat.runner.index.InvalidIndex;
import com.migochat.runner.index.InvalidIndexes;
import com.migochat.runner.validation.ValidationFinding.Kind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import liquibase.change.Change;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.RenameTableChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;

/**
 * The invalid indexes on the application's tables (those the changelog creates, in the current
 * schema; PostgreSQL only), each with its fix. One that a pending changeset builds is repaired by
 * the next upgrade, which drops it before running the changeset again; any other is for an operator
 * to drop or rebuild. Another application's tables in the same schema are its own business.
 */
final class InvalidIndexFindings {

  private InvalidIndexFindings() {}

  static List<ValidationFinding> check(
      List<ChangeSet> changeSets, List<ChangeSet> pending, Database database) {
    if (!(database instanceof PostgresDatabase)
        || !(database.getConnection() instanceof JdbcConnection jdbc)) {
      return List.of();
    }
    Connection connection = jdbc.getUnderlyingConnection();
    try {
      Map<String, ChangeSet> builders = new HashMap<>();
      for (ChangeSet changeSet : pending) {
        for (Change change : changeSet.getChanges()) {
          for (CreatedIndex index : IndexesCreated.by(change, database)) {
            InvalidIndexes.named(connection, index)
                .ifPresent(invalid -> builders.putIfAbsent(invalid.name(), changeSet));
          }
        }
      }
      List<ValidationFinding> findings = new ArrayList<>();
      Set<String> tables = tablesCreatedBy(changeSets);
      for (InvalidIndex invalid : InvalidIndexes.inCurrentSchema(connection)) {
        ChangeSet builder = builders.get(invalid.name());
        if (builder != null) {
          findings.add(rebuiltBy(invalid, builder));
        } else if (tables.contains(invalid.tableName().toLowerCase(Locale.ROOT))) {
          findings.add(unexplained(invalid));
        }
      }
      return findings;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not read the invalid indexes from pg_index: "
              + e.getMessage()
              + ". Check that the migration's database user may read the catalog",
          e);
    }
  }

  /** The application's tables: those the changelog creates or renames to. */
  private static Set<String> tablesCreatedBy(List<ChangeSet> changeSets) {
    Set<String> tables = new HashSet<>();
    for (ChangeSet changeSet : changeSets) {
      for (Change change : changeSet.getChanges()) {
        if (change instanceof CreateTableChange create) {
          tables.add(create.getTableName().toLowerCase(Locale.ROOT));
        } else if (change instanceof RenameTableChange rename) {
          tables.add(rename.getNewTableName().toLowerCase(Locale.ROOT));
        }
      }
    }
    return tables;
  }

  private static ValidationFinding rebuiltBy(InvalidIndex invalid, ChangeSet changeSet) {
    return new ValidationFinding(
        Kind.INVALID_INDEX,
        ChangeSetRef.of(changeSet),
        "the index "
            + invalid.name()
            + " on "
            + invalid.table()
            + " is invalid: this pending changeset's concurrent build of it failed, so"
            + " PostgreSQL maintains it on every write but never uses it",
        "fix what made the build fail (for a unique index: the duplicate rows), then upgrade: it"
            + " drops the invalid index (DROP INDEX CONCURRENTLY "
            + invalid.name()
            + ") and runs the changeset again");
  }

  private static ValidationFinding unexplained(InvalidIndex invalid) {
    return new ValidationFinding(
        Kind.INVALID_INDEX,
        null,
        "the index "
            + invalid.name()
            + " on "
            + invalid.table()
            + " is invalid, and no pending changeset builds it: a CREATE INDEX CONCURRENTLY or"
            + " REINDEX CONCURRENTLY failed (or is still running). PostgreSQL maintains it on every"
            + " write but never uses it, neither for queries nor for uniqueness",
        "once no build is running: rebuild it in place with REINDEX INDEX CONCURRENTLY "
            + invalid.name()
            + ", or drop it with DROP INDEX CONCURRENTLY "
            + invalid.name()
            + " and run again what created it ("
            + invalid.definition()
            + ")");
  }
}
