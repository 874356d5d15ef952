package com.migochat.migrations.startup;

import com.migochat.migrations.config.DeployedSettings;
import com.migochat.runner.MigrationRunner;
import com.migochat.runner.backup.BackupResult;
import com.migochat.runner.backup.DatabaseBackup;
import com.migochat.runner.changeset.MigrationProgress;
import com.migochat.runner.drift.DriftReport;
import com.migochat.runner.schema.ScratchDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;

/**
 * The startup bean that stands for "the schema is migrated": other startup beans declare
 * {@code @DependsOn("SchemaMigrator")} and the web tier asks it whether to serve.
 *
 * <p>It also defines the application's data source, of the class {@link
 * com.migochat.runner.database.JdbcUrlDataSource}, which picks the JDBC driver from the URL and
 * reads {@code MIGOCHAT_DB_URL}, {@code MIGOCHAT_DB_USER} and {@code MIGOCHAT_DB_PASSWORD} (or any
 * other source of those settings) itself: the definition names no URL, user or password, because
 * only Payara would expand placeholders here. With none set, Migochat uses an H2 file database
 * under {@code ./data} (relative to the server's working directory).
 *
 * <p>Read-locked: its state is set once, in {@code @PostConstruct}, before any caller; concurrent
 * requests (and a long backup) must not queue behind each other.
 *
 * <p>Bean-managed transactions: Liquibase commits per changeset on its own connection, which must
 * not be enlisted in a container transaction.
 */
@DataSourceDefinition(
    name = MigrateBeforeLogin.DATA_SOURCE,
    className = "com.migochat.runner.database.JdbcUrlDataSource",
    description = "Migochat's database, at migochat.db.url",
    minPoolSize = 0,
    initialPoolSize = 0,
    maxPoolSize = 16)
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

  @Resource(lookup = MigrateBeforeLogin.DATA_SOURCE)
  private DataSource dataSource;

  private MigrationOutcome outcome;

  @PostConstruct
  void migrateOrReport() {
    outcome = DeploymentMigration.ensureMigrated(() -> dataSource, "startup singleton");
  }

  /** This deployment's migration outcome. */
  public MigrationOutcome outcome() {
    return outcome;
  }

  /** A runner on the application's data source and configured changelog, e.g. for status. */
  public MigrationRunner runner() {
    return new MigrationRunner(
        DeploymentMigration.configuration(dataSource, MigrationProgress.SILENT));
  }

  /** Backs the database up into {@code migochat.backup.dir}, as before an upgrade. */
  public BackupResult backup() {
    return DatabaseBackup.of(runner().configuration()).backup();
  }

  /**
   * The live schema against what its applied changesets build, in a scratch database beside it
   * (created and dropped here; on PostgreSQL the user needs CREATEDB). Changes nothing else.
   */
  public DriftReport drift() {
    try (ScratchDatabase scratch = ScratchDatabase.beside(DeployedSettings.current().database())) {
      return runner().drift(scratch.dataSource());
    }
  }

  /** Whether the schema is at head, so the application may serve. */
  public boolean schemaCurrent() {
    return outcome.schemaCurrent();
  }
}
