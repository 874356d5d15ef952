package com.migochat.migrations.startup;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.MigrationProgress;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * A deployment's migration progress, in the log and on the startup timeline: which changeset of how
 * many starts, and whose lock the deployment waits for (once per holder, not at every poll). While
 * a deployment migrates, Payara answers every health probe with 503 "No Application deployed", so
 * the log is where an operator sees a long migration advance.
 */
final class LoggedProgress implements MigrationProgress {

  static final String WAITING_FOR_LOCK = "waiting-for-lock";

  private static final Logger LOG = Logger.getLogger(LoggedProgress.class.getName());

  private String awaitedHolder;

  @Override
  public void waitingForLock(String holder, Instant since) {
    if (Objects.equals(holder, awaitedHolder)) {
      return;
    }
    awaitedHolder = holder;
    String detail = "held by " + holder + " since " + since;
    StartupTimeline.record(WAITING_FOR_LOCK, detail);
    LOG.info(
        "Waiting for the migration lock, "
            + detail
            + ": another instance or tool is migrating; this deployment goes on when it is done"
            + " (a dead holder's lock is released automatically)");
  }

  @Override
  public void applying(ChangeSetRef changeSet, int number, int total) {
    LOG.info(
        "Applying changeset "
            + number
            + " of "
            + total
            + ": "
            + changeSet.id()
            + " ("
            + changeSet.file()
            + ")");
  }
}
