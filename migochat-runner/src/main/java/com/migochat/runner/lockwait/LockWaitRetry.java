package com.migochat.runner.lockwait;

import com.migochat.runner.config.LockWaitSettings;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs a migration again from the changeset that gave up waiting for a lock (the database rolled
 * that one back whole; the ones before it are committed), after a pause that grows, until that
 * changeset's lock wait budget is spent. Each retry logs one line naming the sessions that block
 * it; a spent budget fails as {@link MigrationError#LOCK_TIMEOUT}, naming them and what to do.
 */
public final class LockWaitRetry {

  private static final Logger LOG = Logger.getLogger(LockWaitRetry.class.getName());
  private static final Duration SHORTEST_LOOK = Duration.ofMillis(50);
  private static final Duration LONGEST_LOOK = Duration.ofMillis(500);

  /** One run of the migration; it fails with a {@link MigrationException}. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run() throws Exception;
  }

  private final LockWaitSettings settings;
  private final DataSource dataSource;

  /** Retries as {@code settings} say; watches for blockers on a session of {@code dataSource}. */
  public LockWaitRetry(LockWaitSettings settings, DataSource dataSource) {
    this.settings = settings;
    this.dataSource = dataSource;
  }

  /** Runs {@code attempt}, which migrates on {@code migration}, until it is done or gives up. */
  public <T> T run(Connection migration, Attempt<T> attempt) throws Exception {
    if (!settings.bounded() || !MigrationSessionName.isPostgres(migration)) {
      return attempt.run();
    }
    Duration look = lookEvery();
    try (BlockerWatch watch = BlockerWatch.start(dataSource, migration, look)) {
      ChangeSetWait wait = null;
      while (true) {
        try {
          return attempt.run();
        } catch (MigrationException e) {
          if (e.failure().error() != MigrationError.LOCK_TIMEOUT
              || e.failure().changeSet() == null) {
            throw e;
          }
          wait =
              wait == null
                  ? ChangeSetWait.first(e.failure().changeSet(), settings.lockTimeout())
                  : wait.after(e.failure().changeSet(), settings.lockTimeout());
          List<Blocker> blockers = watch.recent(settings.lockTimeout().plus(look.multipliedBy(2)));
          Duration pause = wait.pause();
          if (wait.waited().plus(pause).compareTo(settings.budget()) >= 0) {
            throw LockWaitReport.exhausted(wait, settings, blockers, e);
          }
          LOG.warning(LockWaitReport.retry(wait, pause, settings, blockers));
          endTransaction(migration);
          Thread.sleep(pause.toMillis());
        }
      }
    }
  }

  /**
   * Ends what the failed attempt left open (its changeset is rolled back already), so that the
   * migration's session does not sit idle in a transaction while it pauses.
   */
  private static void endTransaction(Connection migration) throws SQLException {
    if (!migration.getAutoCommit()) {
      migration.rollback();
    }
  }

  /** A few looks per lock timeout, to catch the blockers while the migration still waits. */
  private Duration lookEvery() {
    Duration quarter = settings.lockTimeout().dividedBy(4);
    return quarter.compareTo(SHORTEST_LOOK) < 0
        ? SHORTEST_LOOK
        : quarter.compareTo(LONGEST_LOOK) > 0 ? LONGEST_LOOK : quarter;
  }
}
