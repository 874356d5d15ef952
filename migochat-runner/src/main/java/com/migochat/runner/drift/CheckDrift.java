package com.migochat.runner.drift;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.liquibase.LiquibaseSession;
import com.migochat.runner.schema.SchemaComparison;
import com.migochat.runner.schema.SchemaDifferences;
import com.migochat.runner.status.ReadStatus;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@code drift}: compares the live schema with an empty scratch database migrated to exactly the
 * changesets the live database applied, and reports every difference. Changes nothing on the live
 * database; the scratch database is the caller's, to drop afterwards.
 */
public final class CheckDrift {

  private final LiquibaseSession session;

  public CheckDrift(LiquibaseSession session) {
    this.session = session;
  }

  public DriftReport check(DataSource emptyScratch) {
    long started = System.nanoTime();
    Set<ChangeSetRef> applied = new HashSet<>(new ReadStatus(session).status().applied());
    new ReplayApplied(new LiquibaseSession(session.configuration().on(emptyScratch)))
        .replay(applied);
    SchemaDifferences differences =
        new SchemaComparison("the applied changesets", "the live database")
            .compare(emptyScratch, session.configuration().dataSource());
    return new DriftReport(
        applied.size(),
        differences.differences(),
        differences.changes(),
        Duration.ofNanos(System.nanoTime() - started));
  }
}
