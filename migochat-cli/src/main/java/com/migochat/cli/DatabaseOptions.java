package com.migochat.cli;

import com.migochat.migrations.datasource.JdbcUrlDataSource;
import com.migochat.migrations.runner.BackupSettings;
import com.migochat.migrations.runner.DatabaseBackup;
import com.migochat.migrations.runner.MigrationRunner;
import com.migochat.migrations.runner.MigrationSettings;
import com.migochat.migrations.runner.ScratchDatabase;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which database and changelog, and how to print: shared by every command. */
public class DatabaseOptions {

  @Option(
      names = "--url",
      defaultValue = "${env:MIGOCHAT_DB_URL:-jdbc:h2:file:./data/migochat}",
      description = "JDBC URL (env MIGOCHAT_DB_URL; default: ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--user",
      defaultValue = "${env:MIGOCHAT_DB_USER:-sa}",
      description = "Database user (env MIGOCHAT_DB_USER; default: ${DEFAULT-VALUE}).")
  String user;

  @Option(
      names = "--password",
      defaultValue = "${env:MIGOCHAT_DB_PASSWORD:-}",
      description = "Database password (env MIGOCHAT_DB_PASSWORD).",
      arity = "0..1",
      interactive = true)
  String password;

  @Option(
      names = "--changelog",
      defaultValue =
          "${env:MIGOCHAT_MIGRATIONS_CHANGELOG:-" + MigrationSettings.DEFAULT_CHANGELOG + "}",
      description = "Class-path location of the master changelog (default: ${DEFAULT-VALUE}).")
  String changeLog;

  @Option(names = "--json", description = "Print the result as JSON, for scripts.")
  boolean json;

  @Option(names = "--verbose", description = "On errors, print the stack trace too.")
  boolean verbose;

  @Option(
      names = "--pg-bin",
      defaultValue = "${env:MIGOCHAT_PG_BIN}",
      description =
          "Folder of pg_dump, pg_restore and psql, for backups (env MIGOCHAT_PG_BIN; default:"
              + " PATH).")
  Path postgresTools;

  /**
   * @param keep how many backups a folder keeps after a new one; 0 keeps them all
   */
  DatabaseBackup backups(int keep) {
    return new DatabaseBackup(
        url, user, password, new BackupSettings(postgresTools, keep, changeLog));
  }

  MigrationRunner runner() {
    JdbcUrlDataSource dataSource = new JdbcUrlDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return new MigrationRunner(dataSource, settings());
  }

  MigrationSettings settings() {
    return new MigrationSettings(changeLog, "");
  }

  /** An empty database beside the configured one, to build a schema in and compare. */
  ScratchDatabase scratch() {
    return ScratchDatabase.beside(url, user, password);
  }
}
