package com.migochat.runner.failure;

import com.migochat.runner.changeset.ChangeSetRef;
import java.sql.SQLException;

/**
 * A changeset that gave up waiting for a table lock: told apart from a broken changeset by
 * PostgreSQL's SQL state, and explained as {@link MigrationError#LOCK_TIMEOUT}.
 */
public final class LockTimeouts {

  /** PostgreSQL's {@code lock_not_available}, what {@code lock_timeout} raises. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private LockTimeouts() {}

  /** Whether a statement gave up waiting for a lock: SQL state 55P03 anywhere in the causes. */
  public static boolean isLockTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A lock timeout of {@code changeSet}, not tried again: what the database said, what to do. */
  static MigrationFailure failure(ChangeSetRef changeSet, Throwable e) {
    return new MigrationFailure(
        MigrationError.LOCK_TIMEOUT,
        changeSet,
        FailureAnalysis.databaseWords(
            FailureAnalysis.firstOf(e, SQLException.class).map(Throwable.class::cast).orElse(e)),
        "the database rolled this changeset back whole, and changesets applied before it in this"
            + " run are kept: another session holds a lock on a table it changes. Wait for that"
            + " session to end (or end it), then run the migration again");
  }
}
