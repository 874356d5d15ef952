package com.migochat.runner.baseline;

import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.liquibase.ChangeSetFilters;
import com.migochat.runner.liquibase.LiquibaseSession;
import com.migochat.runner.schema.SchemaComparison;
import com.migochat.runner.schema.SchemaDifferences;
import com.migochat.runner.status.ReadStatus;
import com.migochat.runner.status.StatusReport;
import com.migochat.runner.upgrade.Upgrade;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.sql.PreparedStatement;
import java.time.Duration;
import javax.sql.DataSource;
import liquibase.command.core.ChangelogSyncCommandStep;

/**
 * {@code baseline}: puts a database that was built without migrations (the entities' create_all)
 * under the changelog: migrates an empty database of the same kind to head, compares the two
 * schemas, and only when they are the same marks every changeset as applied. Refuses, and lists the
 * differences, otherwise; changes nothing then. Alembic's {@code stamp head}, checked.
 */
public final class Baseline {

  private final LiquibaseSession session;

  public Baseline(LiquibaseSession session) {
    this.session = session;
  }

  public BaselineResult run(DataSource emptyScratch) {
    long started = System.nanoTime();
    StatusReport status = new ReadStatus(session).status();
    if (!status.history().isEmpty()) {
      throw MigrationException.because(
          MigrationError.UNKNOWN_TARGET,
          "the database has a migration history already ("
              + status.history().size()
              + " changesets applied), so it needs no baseline",
          "run upgrade to apply what is pending");
    }
    new Upgrade(new LiquibaseSession(session.configuration().on(emptyScratch)))
        .run(new UpgradeTarget.Head());
    SchemaDifferences differences =
        new SchemaComparison("the changelog", "the database")
            .compare(emptyScratch, session.configuration().dataSource());
    if (!differences.none()) {
      throw MigrationException.because(
          MigrationError.SCHEMA_MISMATCH,
          "the database's schema is not the changelog's, so no changeset was marked as applied. "
              + differences.differences().size()
              + " differences:\n  "
              + String.join("\n  ", differences.differences())
              + "\n",
          "change the database until it matches (or, if the changelog is wrong, add a"
              + " changeset), then run baseline again");
    }
    session.command(
        ChangelogSyncCommandStep.COMMAND_NAME,
        new ChangeSetFilters(session.configuration()).arguments(),
        null);
    markAsNotRun();
    return new BaselineResult(status.pending(), Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Liquibase's sync records the changesets as EXECUTED; the history should say they never ran
   * here. Baseline only runs on an empty history, so every row is one it just wrote.
   */
  private void markAsNotRun() {
    session.jdbc(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE DATABASECHANGELOG SET EXECTYPE = 'MARK_RAN'")) {
            return update.executeUpdate();
          }
        });
  }
}
