package com.migochat.runner.backup;

import com.migochat.runner.history.SchemaTables;
import com.migochat.runner.liquibase.LiquibaseSession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import liquibase.change.Change;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.RenameTableChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;

/**
 * Which tables are Migochat's: every table its changelog creates or renames to, and the bookkeeping
 * tables beside them, whose names all start with {@code DATABASECHANGELOG}: Liquibase's history and
 * lock, Migochat's fingerprint and checksum audit. Backups hold these tables only, and a restore
 * replaces these only, so another application's tables in the same schema are never touched.
 */
final class ApplicationTables {

  private static final String BOOKKEEPING_PREFIX = "databasechangelog";

  private final Set<String> created;

  private ApplicationTables(Set<String> created) {
    this.created = created;
  }

  /** The tables of the changelog at {@code changeLog} on Migochat's class path. */
  static ApplicationTables of(String changeLog) {
    try {
      DatabaseChangeLog parsed = LiquibaseSession.parseWithoutDatabase(changeLog);
      Set<String> created = new TreeSet<>();
      for (ChangeSet changeSet : parsed.getChangeSets()) {
        for (Change change : changeSet.getChanges()) {
          if (change instanceof CreateTableChange create) {
            created.add(create.getTableName().toLowerCase(Locale.ROOT));
          } else if (change instanceof RenameTableChange rename) {
            created.add(rename.getNewTableName().toLowerCase(Locale.ROOT));
          }
        }
      }
      return new ApplicationTables(created);
    } catch (Exception e) {
      throw DatabaseBackup.failed(
          "cannot read the changelog "
              + changeLog
              + " to find Migochat's tables: "
              + e.getMessage(),
          "check migochat.migrations.changelog (--changelog); nothing was changed",
          e);
    }
  }

  /** Whether the table, in whichever case the database spells it, is Migochat's. */
  boolean includes(String table) {
    String name = table.toLowerCase(Locale.ROOT);
    return created.contains(name) || name.startsWith(BOOKKEEPING_PREFIX);
  }

  /** Migochat's tables in the connection's current schema, as the database spells them. */
  List<String> present(Connection connection) throws SQLException {
    return SchemaTables.matching(connection, this::includes);
  }

  /**
   * Refuses a backup that holds no table, or tables that are not Migochat's: a backup of a whole
   * database, which {@code wholeDatabaseTool} restores instead.
   */
  void checkRestorable(Path backup, List<String> restored, String wholeDatabaseTool) {
    List<String> foreign = foreign(restored);
    if (restored.isEmpty() || !foreign.isEmpty()) {
      throw DatabaseBackup.refused(
          "the backup "
              + backup
              + (restored.isEmpty()
                  ? " holds no table"
                  : " holds tables that are not Migochat's: " + String.join(", ", foreign)),
          "restore a backup that 'migochat backup' wrote; a "
              + wholeDatabaseTool
              + ". Nothing was changed");
    }
  }

  /** The tables in {@code tables} that are not Migochat's. */
  List<String> foreign(List<String> tables) {
    return tables.stream().filter(table -> !includes(table)).sorted().toList();
  }

  /** {@code "schema"."table", …}: names quoted, so that case and odd characters survive. */
  static String qualified(String schema, List<String> tables) {
    return String.join(
        ", ", tables.stream().map(table -> quote(schema) + "." + quote(table)).toList());
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
