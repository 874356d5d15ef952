package com.migochat.cli;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.backup.DatabaseBackup;
import com.migochat.runner.config.BackupSettings;
import com.migochat.runner.config.LockWaitSettings;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.DatabaseLogin;
import com.migochat.runner.database.DatabaseUrl;
import com.migochat.runner.schema.ScratchDatabase;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which database and changelog, and how to print: shared by every command. The defaults are the
 * server's (the same constants), and each can come from the same environment variable.
 */
public class DatabaseOptions {

  @Option(
      names = "--url",
      defaultValue = "${env:MIGOCHAT_DB_URL:-" + DatabaseUrl.DEFAULT + "}",
      description = "JDBC URL (env MIGOCHAT_DB_URL; default: ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--user",
      defaultValue = "${env:MIGOCHAT_DB_USER:-" + DatabaseUrl.DEFAULT_USER + "}",
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
          "${env:MIGOCHAT_MIGRATIONS_CHANGELOG:-" + MigrationConfiguration.DEFAULT_CHANGELOG + "}",
      description = "Class-path location of the master changelog (default: ${DEFAULT-VALUE}).")
  String changeLog;

  @Option(
      names = "--hazard-rows",
      defaultValue =
          "${env:MIGOCHAT_MIGRATIONS_HAZARD_ROWS:-"
              + MigrationConfiguration.DEFAULT_HAZARD_ROWS
              + "}",
      description =
          "Row estimate above which a lock hazard stops upgrade (env"
              + " MIGOCHAT_MIGRATIONS_HAZARD_ROWS; default: ${DEFAULT-VALUE}).")
  long hazardRows;

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

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  private ChangeLogSource source;

  DatabaseLogin login() {
    return DatabaseLogin.of(url, user, password);
  }

  /** The runner for commands that take no backup. */
  MigrationRunner runner() {
    return runner(BackupSettings.none());
  }

  /** The runner for an upgrade that backs up as {@code backups} say. */
  MigrationRunner runner(BackupSettings backups) {
    return new MigrationRunner(configuration(backups));
  }

  /** Backups and restores of this database, kept as {@code backups} say. */
  DatabaseBackup backups(BackupSettings backups) {
    return DatabaseBackup.of(configuration(backups));
  }

  /**
   * The runner for an upgrade or downgrade whose changesets wait for locks as {@code lockWaits}.
   */
  MigrationRunner runner(BackupSettings backups, LockWaitSettings lockWaits) {
    return new MigrationRunner(configure(backups).lockWaits(lockWaits).load());
  }

  MigrationConfiguration configuration(BackupSettings backups) {
    return configure(backups).load();
  }

  MigrationConfiguration.Builder configure(BackupSettings backups) {
    MigrationConfiguration.Builder builder =
        MigrationConfiguration.configure(login())
            .changeLog(changeLog)
            .hazardRows(hazardRows)
            .backups(
                new BackupSettings(
                    backups.policy(), backups.folder(), backups.keep(), postgresTools));
    changeLogOptions()
        .ifPresent(
            options ->
                builder
                    .contexts(options.contexts)
                    .labels(options.labels)
                    .changeLogFolder(source(options).folder()));
    return builder;
  }

  /** The command's {@link ChangeLogOptions}, if it reads the changelog. */
  private Optional<ChangeLogOptions> changeLogOptions() {
    return command.mixins().values().stream()
        .map(CommandSpec::userObject)
        .filter(ChangeLogOptions.class::isInstance)
        .map(ChangeLogOptions.class::cast)
        .findFirst();
  }

  /** Finds the changelog's copy once per command, and says on stderr which one it reads. */
  private ChangeLogSource source(ChangeLogOptions options) {
    if (source == null) {
      try {
        source = ChangeLogSource.find(changeLog, options.folder, Path.of(""));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(command.commandLine(), e.getMessage());
      }
      command.commandLine().getErr().println(source.description());
      command.commandLine().getErr().flush();
    }
    return source;
  }

  /** An empty database beside the configured one, to build a schema in and compare. */
  ScratchDatabase scratch() {
    return ScratchDatabase.beside(login());
  }
}
