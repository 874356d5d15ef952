package com.migochat.runner.config;

import com.migochat.runner.changeset.MigrationProgress;
import com.migochat.runner.database.DatabaseLogin;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Everything a {@code MigrationRunner} works with, fixed when it is built: built with {@link
 * #configure}, like Flyway's configuration, and never changed afterwards.
 *
 * @param dataSource what the runner connects with: the server's pool, or one of {@code login}
 * @param login the database's URL, user and password: for backups (PostgreSQL's tools connect on
 *     their own) and scratch databases
 * @param changeLog class-path location of the master changelog ({@code
 *     migochat.migrations.changelog})
 * @param changeLogFolder the folder on disk the master changelog is read from instead of the class
 *     path, e.g. the source tree while a developer edits it; null reads the built-in copy
 * @param contexts Liquibase context filter; empty runs every changeset ({@code
 *     migochat.migrations.contexts})
 * @param labels Liquibase label filter; empty runs every changeset ({@code
 *     migochat.migrations.labels})
 * @param progress hears which changeset runs and whose lock a run waits for
 * @param backups when an upgrade backs up first, where to, and how many backups are kept
 * @param databaseWait how long to wait for a database that is not reachable yet ({@code
 *     migochat.db.wait-seconds})
 * @param lockWaits how long each changeset may wait for a table lock, and for how long in all it
 *     tries again ({@code migochat.migrations.lock-timeout}, {@code .lock-wait-budget})
 * @param hazardRows the row estimate above which a lock hazard stops an upgrade ({@code
 *     migochat.migrations.hazard-rows})
 * @param allowOutOfOrder whether an upgrade applies pending changesets that sort before applied
 *     ones, when they touch no table a later applied changeset touched ({@code
 *     migochat.migrations.allow-out-of-order})
 */
public record MigrationConfiguration(
    DataSource dataSource,
    DatabaseLogin login,
    String changeLog,
    Path changeLogFolder,
    String contexts,
    String labels,
    MigrationProgress progress,
    BackupSettings backups,
    Duration databaseWait,
    LockWaitSettings lockWaits,
    long hazardRows,
    boolean allowOutOfOrder) {

  /** The changelog that ships with Migochat. */
  public static final String DEFAULT_CHANGELOG = "db/changelog/migochat-changelog.xml";

  /** The {@code migochat.db.wait-seconds} default. */
  public static final Duration DEFAULT_DATABASE_WAIT = Duration.ofSeconds(60);

  /** The {@code migochat.migrations.hazard-rows} default. */
  public static final long DEFAULT_HAZARD_ROWS = 10_000;

  public MigrationConfiguration {
    if (changeLog == null || changeLog.isBlank()) {
      throw new IllegalArgumentException(
          "No changelog given. Set migochat.migrations.changelog, or leave it unset to use "
              + DEFAULT_CHANGELOG);
    }
    if (dataSource == null) {
      dataSource = login.dataSource();
    }
    contexts = contexts == null ? "" : contexts;
    labels = labels == null ? "" : labels;
    lockWaits = lockWaits == null ? LockWaitSettings.defaults() : lockWaits;
    if (hazardRows < 0) {
      throw new IllegalArgumentException(
          "migochat.migrations.hazard-rows is "
              + hazardRows
              + ": give a row count of 0 or more (default "
              + DEFAULT_HAZARD_ROWS
              + ")");
    }
  }

  /**
   * The same migrations on another database, e.g. a scratch database to compare schemas with:
   * nothing to back up there, and nobody listening to its progress.
   */
  public MigrationConfiguration on(DataSource other) {
    return new MigrationConfiguration(
        other,
        login,
        changeLog,
        changeLogFolder,
        contexts,
        labels,
        MigrationProgress.SILENT,
        BackupSettings.none(),
        databaseWait,
        lockWaits,
        hazardRows,
        allowOutOfOrder);
  }

  /** Starts from the defaults: the shipped changelog on the login's database, no backups. */
  public static Builder configure(DatabaseLogin login) {
    return new Builder(login);
  }

  /** Builds a configuration one setting at a time; every setting not given keeps its default. */
  public static final class Builder {

    private final DatabaseLogin login;
    private DataSource dataSource;
    private String changeLog = DEFAULT_CHANGELOG;
    private Path changeLogFolder;
    private String contexts = "";
    private String labels = "";
    private MigrationProgress progress = MigrationProgress.SILENT;
    private BackupSettings backups = BackupSettings.none();
    private Duration databaseWait = DEFAULT_DATABASE_WAIT;
    private LockWaitSettings lockWaits = LockWaitSettings.defaults();
    private long hazardRows = DEFAULT_HAZARD_ROWS;
    private boolean allowOutOfOrder;

    private Builder(DatabaseLogin login) {
      this.login = login;
    }

    /** Connects through {@code dataSource} (e.g. the server's pool) instead of the login's own. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    public Builder changeLog(String changeLog) {
      this.changeLog = changeLog;
      return this;
    }

    /** Reads the changelog from {@code folder} on disk; null reads the built-in copy. */
    public Builder changeLogFolder(Path folder) {
      this.changeLogFolder = folder;
      return this;
    }

    public Builder contexts(String contexts) {
      this.contexts = contexts;
      return this;
    }

    public Builder labels(String labels) {
      this.labels = labels;
      return this;
    }

    public Builder progress(MigrationProgress progress) {
      this.progress = progress;
      return this;
    }

    public Builder backups(BackupSettings backups) {
      this.backups = backups;
      return this;
    }

    public Builder databaseWait(Duration databaseWait) {
      this.databaseWait = databaseWait;
      return this;
    }

    public Builder lockWaits(LockWaitSettings lockWaits) {
      this.lockWaits = lockWaits;
      return this;
    }

    public Builder hazardRows(long hazardRows) {
      this.hazardRows = hazardRows;
      return this;
    }

    public Builder allowOutOfOrder(boolean allowOutOfOrder) {
      this.allowOutOfOrder = allowOutOfOrder;
      return this;
    }

    public MigrationConfiguration load() {
      return new MigrationConfiguration(
          dataSource,
          login,
          changeLog,
          changeLogFolder,
          contexts,
          labels,
          progress,
          backups,
          databaseWait,
          lockWaits,
          hazardRows,
          allowOutOfOrder);
    }
  }
}
