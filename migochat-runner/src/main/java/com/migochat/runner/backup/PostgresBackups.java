package com.migochat.runner.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL backups: pg_dump of Migochat's tables in the custom format, restored by psql in one
 * transaction that drops Migochat's tables and recreates them from the dump, so that the database
 * ends up exactly as backed up or, if anything fails, exactly as it was.
 */
final class PostgresBackups {

  /**
   * A table in pg_restore's listing, {@code 215; 1259 16474 TABLE public users owner}, and not its
   * data, {@code 3345; 0 16474 TABLE DATA public users owner}.
   */
  private static final Pattern TABLE_ENTRY =
      Pattern.compile("^\\d+; \\d+ \\d+ TABLE (?!DATA )(\\S+) (\\S+) ", Pattern.MULTILINE);

  /** A table the dump holds. */
  private record Dumped(String schema, String table) {}

  private final PostgresEnvironment environment;
  private final PostgresTools tools;

  PostgresBackups(PostgresEnvironment environment, PostgresTools tools) {
    this.environment = environment;
    this.tools = tools;
  }

  /** Dumps Migochat's tables, with their indexes, constraints and sequences, to a new file. */
  Path dump(Connection connection, ApplicationTables tables, BackupFolder folder)
      throws SQLException, IOException {
    String schema = connection.getSchema();
    List<String> present = tables.present(connection);
    if (present.isEmpty()) {
      throw DatabaseBackup.failed(
          "database " + environment.database() + " has none of Migochat's tables",
          "nothing to back up: run upgrade first, or check migochat.db.url",
          null);
    }
    Path file = folder.newFile("dump");
    List<String> arguments = new ArrayList<>(List.of("--format=custom", "--file=" + file));
    for (String table : present) {
      arguments.add("--table=" + ApplicationTables.qualified(schema, List.of(table)));
    }
    try {
      tools.run("pg_dump", arguments, environment);
    } catch (RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return file;
  }

  /**
   * Checks the dump, then in one psql transaction drops Migochat's tables, runs the dump's SQL and
   * frees the migration lock the dump may have recorded (its holder was a process of the past).
   */
  void restore(Connection connection, ApplicationTables tables, Path dump, String database)
      throws SQLException {
    RestoreGuard.check(connection, true, database);
    String schema = connection.getSchema();
    List<String> present = tables.present(connection);
    List<Dumped> restored = tablesIn(dump);
    tables.checkRestorable(
        dump,
        restored.stream().map(Dumped::table).toList(),
        "dump of a whole database is for pg_restore");
    Path script = null;
    try {
      script = Files.createTempFile("migochat-restore", ".sql");
      tools.run(
          "pg_restore", List.of("--no-owner", "--file=" + script, dump.toString()), environment);
      List<String> psql =
          new ArrayList<>(
              List.of("--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1"));
      if (!present.isEmpty()) {
        psql.add("--command=DROP TABLE IF EXISTS " + ApplicationTables.qualified(schema, present));
      }
      psql.add("--file=" + script);
      for (Dumped dumped : restored) {
        if (dumped.table().equalsIgnoreCase("databasechangeloglock")) {
          psql.add(
              "--command=UPDATE "
                  + ApplicationTables.qualified(dumped.schema(), List.of(dumped.table()))
                  + " SET locked = FALSE, lockedby = NULL, lockgranted = NULL");
        }
      }
      tools.run("psql", psql, environment.forWriting());
    } catch (IOException e) {
      throw DatabaseBackup.failed(
          "cannot write the restore's SQL to a temporary file: " + e.getMessage(),
          "free space in the temporary folder (java.io.tmpdir); nothing was changed",
          e);
    } finally {
      if (script != null) {
        BackupFolder.deleteQuietly(script);
      }
    }
  }

  /** The schema and name of each table in the dump; a damaged dump fails here. */
  private List<Dumped> tablesIn(Path dump) {
    String listing = tools.run("pg_restore", List.of("--list", dump.toString()), environment);
    Matcher entry = TABLE_ENTRY.matcher(listing);
    List<Dumped> tables = new ArrayList<>();
    while (entry.find()) {
      tables.add(new Dumped(entry.group(1), entry.group(2)));
    }
    return tables;
  }
}
