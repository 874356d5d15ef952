package com.migochat.runner.backup;

import com.migochat.runner.config.BackupSettings;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.DatabaseLogin;
import com.migochat.runner.database.DatabaseUrl;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Backs Migochat's tables up to a timestamped file and restores them: PostgreSQL with pg_dump,
 * pg_restore and psql (custom format), H2 with its SCRIPT and RUNSCRIPT commands (zipped SQL). Only
 * Migochat's tables (see {@link ApplicationTables}) are backed up and replaced; a restore replaces
 * all of them or, if anything fails, none.
 */
public final class DatabaseBackup {

  private final DatabaseLogin login;
  private final BackupSettings settings;
  private final String changeLog;

  /**
   * Backups of the database {@code login} reaches, of the tables {@code changeLog} creates, as
   * {@code settings} keep them.
   */
  public DatabaseBackup(DatabaseLogin login, BackupSettings settings, String changeLog) {
    this.login = login;
    this.settings = settings;
    this.changeLog = changeLog;
  }

  /** Backups as {@code configuration} says: its database, its changelog, its backup settings. */
  public static DatabaseBackup of(MigrationConfiguration configuration) {
    return new DatabaseBackup(
        configuration.login(), configuration.backups(), configuration.changeLog());
  }

  /** Whether the database is PostgreSQL (backed up with pg_dump) rather than H2. */
  public boolean postgres() {
    return login.url().postgres();
  }

  /** The database's name: what a restore asks the operator to type to confirm it. */
  public String databaseName() {
    return login.url().database();
  }

  /** Writes a backup into the configured folder (see {@link #backup(Path)}). */
  public BackupResult backup() {
    return backup(settings.folder());
  }

  /**
   * Writes a backup of Migochat's tables into {@code folder} as {@code migochat-<stamp>.dump} or
   * {@code .zip}, then deletes the folder's oldest backups beyond the number to keep.
   */
  public BackupResult backup(Path folder) {
    long started = System.nanoTime();
    ApplicationTables tables = ApplicationTables.of(changeLog);
    BackupFolder backups = new BackupFolder(folder, settings.keep());
    Path file;
    try (Connection connection = connect()) {
      file =
          postgres()
              ? new PostgresBackups(postgresEnvironment(), tools())
                  .dump(connection, tables, backups)
              : H2Script.backUp(connection, tables, backups);
    } catch (SQLException e) {
      throw failed(
          "cannot read Migochat's tables to back them up: " + e.getMessage(),
          "let the database user read them; nothing was changed",
          e);
    } catch (IOException e) {
      throw failed(
          "cannot write a backup into " + folder + ": " + e.getMessage(),
          "check that the folder can be written (migochat.backup.dir, --dir); nothing was changed",
          e);
    }
    try {
      backups.prune();
    } catch (IOException e) {
      throw failed(
          "backed up to " + file + ", but cannot delete older backups: " + e.getMessage(),
          "check the permissions of " + folder + ", or set migochat.backup.keep to 0",
          e);
    }
    return new BackupResult(file, size(file), Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Replaces Migochat's tables with the backup's, all of them or, if anything fails, none; other
   * tables stay as they are. Refused while the migration lock is held or other sessions are
   * connected.
   */
  public RestoreResult restore(Path file) {
    long started = System.nanoTime();
    Path backup = file.toAbsolutePath().normalize();
    if (!Files.isReadable(backup)) {
      throw failed(
          "cannot read the backup " + backup, "check the file name; nothing was changed", null);
    }
    ApplicationTables tables = ApplicationTables.of(changeLog);
    Path replaced = null;
    try (Connection connection = connect()) {
      if (postgres()) {
        new PostgresBackups(postgresEnvironment(), tools())
            .restore(connection, tables, backup, databaseName());
      } else {
        replaced = new H2Restore(connection, tables, databaseName()).restore(backup);
      }
    } catch (SQLException e) {
      throw failed(
          "cannot restore " + backup + ": " + e.getMessage(),
          "fix the cause and run restore again",
          e);
    }
    return new RestoreResult(backup, replaced, Duration.ofNanos(System.nanoTime() - started));
  }

  private Connection connect() throws SQLException {
    if (login.url().engine() == DatabaseUrl.Engine.OTHER) {
      throw failed(
          "backups support PostgreSQL and H2, not "
              + login.url().url().replaceAll("^(jdbc:[^:]+).*", "$1"),
          "back this database up with its own tools",
          null);
    }
    try {
      return login.dataSource().getConnection();
    } catch (SQLException e) {
      throw MigrationException.ofConnection(e);
    }
  }

  private PostgresEnvironment postgresEnvironment() {
    return PostgresEnvironment.of(login);
  }

  private PostgresTools tools() {
    return new PostgresTools(settings.postgresTools());
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw failed("cannot read the size of " + file, "check the backup folder", e);
    }
  }

  static MigrationException failed(String what, String action, Throwable cause) {
    return MigrationException.because(MigrationError.BACKUP_FAILED, null, what, action, cause);
  }

  static MigrationException refused(String what, String action) {
    return MigrationException.because(MigrationError.RESTORE_REFUSED, what, action);
  }
}
