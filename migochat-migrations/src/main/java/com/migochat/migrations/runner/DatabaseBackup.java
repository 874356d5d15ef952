package com.migochat.migrations.runner;

import com.migochat.migrations.datasource.JdbcUrlDataSource;
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

  private final String url;
  private final String user;
  private final String password;
  private final BackupSettings settings;

  public DatabaseBackup(String url, String user, String password, BackupSettings settings) {
    this.url = url;
    this.user = user == null ? "" : user;
    this.password = password == null ? "" : password;
    this.settings = settings;
  }

  /** Whether the database is PostgreSQL (backed up with pg_dump) rather than H2. */
  public boolean postgres() {
    return PostgresEnvironment.accepts(url);
  }

  /** The database's name: what a restore asks the operator to type to confirm it. */
  public String databaseName() {
    if (postgres()) {
      return postgresEnvironment().database();
    }
    String path = url.split(";", 2)[0];
    return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf(':')) + 1);
  }

  /**
   * Writes a backup of Migochat's tables into {@code folder} as {@code migochat-<stamp>.dump} or
   * {@code .zip}, then deletes the folder's oldest backups beyond the number to keep.
   */
  public BackupResult backup(Path folder) {
    long started = System.nanoTime();
    ApplicationTables tables = ApplicationTables.of(settings.changeLog());
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
    ApplicationTables tables = ApplicationTables.of(settings.changeLog());
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
    if (!postgres() && !url.startsWith("jdbc:h2:")) {
      throw failed(
          "backups support PostgreSQL and H2, not " + url.replaceAll("^(jdbc:[^:]+).*", "$1"),
          "back this database up with its own tools",
          null);
    }
    JdbcUrlDataSource dataSource = new JdbcUrlDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    }
  }

  private PostgresEnvironment postgresEnvironment() {
    return PostgresEnvironment.of(url, user, password);
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
    return new MigrationException(
        new MigrationFailure(MigrationError.BACKUP_FAILED, null, what, action), cause);
  }

  static MigrationException refused(String what, String action) {
    return new MigrationException(
        new MigrationFailure(MigrationError.RESTORE_REFUSED, null, what, action), null);
  }
}
