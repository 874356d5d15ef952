package com.migochat.runner.lockwait;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.config.LockWaitSettings;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a lock wait says: one log line per retry, and the failure once the budget is spent. */
final class LockWaitReport {

  private LockWaitReport() {}

  /** The one line logged before {@code wait}'s changeset is tried again after {@code pause}. */
  static String retry(
      ChangeSetWait wait, Duration pause, LockWaitSettings settings, List<Blocker> blockers) {
    ChangeSetRef changeSet = wait.changeSet();
    return "Changeset "
        + changeSet.id()
        + " ("
        + changeSet.file()
        + ") gave up waiting for a lock after "
        + seconds(settings.lockTimeout())
        + " and was rolled back (attempt "
        + wait.attempts()
        + ", "
        + seconds(wait.waited())
        + " of its "
        + seconds(settings.budget())
        + " lock wait budget spent); trying again in "
        + seconds(pause)
        + ". Blocked by "
        + blockedBy(blockers);
  }

  /** The failure once {@code wait}'s budget is spent; {@code cause} is the last timeout. */
  static MigrationException exhausted(
      ChangeSetWait wait, LockWaitSettings settings, List<Blocker> blockers, Throwable cause) {
    String what =
        "it waited for a lock "
            + wait.attempts()
            + (wait.attempts() == 1 ? " time" : " times")
            + " for "
            + seconds(settings.lockTimeout())
            + ", "
            + seconds(wait.waited())
            + " in all, and its lock wait budget of "
            + seconds(settings.budget())
            + " is spent. Blocked by "
            + blockedBy(blockers);
    String end =
        blockers.isEmpty()
            ? "Find the session holding a lock on a table this changeset changes (pg_locks,"
                + " pg_stat_activity) and end it or wait for it to finish"
            : "End the blocking session with "
                + blockers.stream()
                    .map(blocker -> "SELECT pg_terminate_backend(" + blocker.pid() + ")")
                    .collect(Collectors.joining(" and "))
                + " if it may be stopped, or wait for it to finish";
    String action =
        "the database is unchanged by this changeset (changesets applied before it in this run"
            + " are kept). "
            + end
            + ", then redeploy (or run 'migochat upgrade' again). To let a changeset wait"
            + " longer, raise migochat.migrations.lock-wait-budget"
            + " (MIGOCHAT_MIGRATIONS_LOCK_WAIT_BUDGET, --lock-wait-budget)";
    return MigrationException.because(
        MigrationError.LOCK_TIMEOUT, wait.changeSet(), what, action, cause);
  }

  private static String blockedBy(List<Blocker> blockers) {
    return blockers.isEmpty()
        ? "a session that could not be seen (the database user may see other users' sessions"
            + " with the role pg_read_all_stats)"
        : blockers.stream().map(Blocker::describe).collect(Collectors.joining(", "));
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
