package com.migochat.runner.lock;

import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code unlock}: releases the migration lock. Refuses while its holder still runs or cannot be
 * checked (see {@link LockRelease}), unless forced: releasing the lock of a running migration lets
 * a second one run beside it. Only the holder that was checked is released: when another instance
 * took the lock meanwhile, nothing is released and the failure names the new holder.
 */
final class Unlock {

  private Unlock() {}

  static UnlockResult run(Connection connection, boolean force) throws SQLException {
    LockRelease release = new LockRelease(connection);
    LockState lock = release.lock();
    if (!lock.locked()) {
      return new UnlockResult(lock, null, false);
    }
    LockHolder.Liveness holder = release.liveness(lock);
    if (holder != LockHolder.Liveness.DEAD && !force) {
      throw lockHeld(
          "the migration lock is held by "
              + lock.lockedBy()
              + " since "
              + lock.since()
              + (holder == LockHolder.Liveness.ALIVE
                  ? ", which is still running"
                  : ", which cannot be checked from here (another host or container, a session"
                      + " this database user may not see, or a tool that does not record its"
                      + " process)"),
          "wait for that migration to finish; if you are sure it is gone, run unlock --force");
    }
    LockRelease.Outcome outcome = release.release(lock);
    if (!outcome.released() && outcome.now().locked()) {
      throw lockHeld(
          "nothing was released: while unlock checked "
              + lock.lockedBy()
              + ", another process released that lock and took it. It is held by "
              + outcome.now().lockedBy()
              + " since "
              + outcome.now().since(),
          "run unlock again to check the new holder, or wait for its migration to finish");
    }
    return new UnlockResult(lock, holder, outcome.released());
  }

  private static MigrationException lockHeld(String what, String action) {
    return MigrationException.because(MigrationError.LOCK_HELD, what, action);
  }
}
