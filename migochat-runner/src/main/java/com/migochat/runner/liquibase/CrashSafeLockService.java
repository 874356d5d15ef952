package com.migochat.runner.liquibase;

import com.migochat.runner.changeset.MigrationProgress;
import com.migochat.runner.lock.LockHolder;
import com.migochat.runner.lock.LockRelease;
import com.migochat.runner.lock.LockState;
import com.migochat.runner.lock.PostgresSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.exception.LockException;
import liquibase.lockservice.StandardLockService;

/**
 * Liquibase's lock in {@code DATABASECHANGELOGLOCK}, which other Liquibase tools honour as usual,
 * except that a lock whose holder has died is released instead of blocking every start until
 * someone runs {@code unlock}. Stock Liquibase leaves a process killed during a migration holding
 * the lock forever.
 *
 * <p>Each acquisition records a holder that can be checked later (see {@link LockHolder}); whether
 * it is dead is decided, and the lock released, by {@link LockRelease}, as for {@code unlock}. A
 * holder that cannot be checked is waited for, as Liquibase does. A lock held by the runner for a
 * whole upgrade ({@link UpgradeLock}) is left to it by the commands that run under it.
 *
 * <p>Registered as a Liquibase service with a higher priority than the stock lock service.
 */
public class CrashSafeLockService extends StandardLockService {

  /** The Liquibase scope key under which {@link LockHolderGenerator} finds the holder to record. */
  static final String HOLDER_KEY = "migochat.lockHolder";

  private static final Logger LOG = Logger.getLogger(CrashSafeLockService.class.getName());

  /** The PostgreSQL advisory lock that serialises the lock table's initialisation. */
  private static final long INIT_KEY = 0x6d69676f63686174L;

  private String holder;

  @Override
  public int getPriority() {
    return super.getPriority() + 1;
  }

  /**
   * Stock Liquibase initialises a lock table by deleting its rows and inserting an unlocked one
   * once it counted none: an instance that counted before another one inserted the row and took the
   * lock deletes that lock, and both migrate at once (seen in ConcurrentInstancesIT on a new
   * database). On PostgreSQL, instances starting together initialise one after the other, under a
   * session advisory lock, so the later ones find the row and leave it.
   */
  @Override
  public void init() throws DatabaseException {
    if (!(database instanceof PostgresDatabase)) {
      super.init();
      return;
    }
    try {
      advisory("SELECT pg_advisory_lock(?)");
      try {
        super.init();
      } finally {
        advisory("SELECT pg_advisory_unlock(?)");
      }
    } catch (SQLException e) {
      throw new DatabaseException("Cannot serialise the lock table's initialisation: " + e, e);
    }
  }

  private void advisory(String sql) throws SQLException {
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      statement.setLong(1, INIT_KEY);
      statement.execute();
    }
  }

  @Override
  public boolean hasChangeLogLock() {
    return UpgradeLock.heldFor(database) || super.hasChangeLogLock();
  }

  @Override
  public boolean acquireLock() throws LockException {
    if (hasChangeLogLock()) {
      return true;
    }
    if (acquireAs(holder()) || (releasedFromDeadHolder() && acquireAs(holder()))) {
      return true;
    }
    reportWaiting();
    return false;
  }

  @Override
  public void releaseLock() throws LockException {
    if (!UpgradeLock.heldFor(database)) {
      super.releaseLock();
    }
  }

  private boolean acquireAs(String recorded) throws LockException {
    try {
      Scope.ScopedRunnerWithReturn<Boolean> acquire = super::acquireLock;
      return Scope.child(Map.of(HOLDER_KEY, recorded), acquire);
    } catch (LockException e) {
      throw e;
    } catch (Exception e) {
      throw new LockException(e);
    }
  }

  /** This process and, on PostgreSQL, its session, unless a pooler hides it (PostgresSession). */
  private String holder() throws LockException {
    if (holder == null) {
      PostgresSession session = null;
      try {
        if (database instanceof PostgresDatabase) {
          session = PostgresSession.of(connection()).orElse(null);
        }
      } catch (SQLException e) {
        throw new LockException("Cannot read this process's PostgreSQL session: " + e, e);
      }
      holder = LockHolder.thisProcess(session).recorded();
    }
    return holder;
  }

  /** Tells the run's {@link MigrationProgress}, if it has one, whose lock it waits for. */
  private void reportWaiting() throws LockException {
    MigrationProgress progress =
        Scope.getCurrentScope().get(MigrationProgress.SCOPE_KEY, MigrationProgress.class);
    if (progress == null) {
      return;
    }
    try {
      LockState lock = new LockRelease(connection()).lock();
      if (lock.locked()) {
        progress.waitingForLock(lock.lockedBy(), lock.since());
      }
    } catch (SQLException e) {
      throw new LockException("Cannot read who holds the migration lock: " + e.getMessage(), e);
    }
  }

  private boolean releasedFromDeadHolder() throws LockException {
    try {
      LockRelease release = new LockRelease(connection());
      LockState lock = release.lock();
      if (!lock.locked()) {
        return true;
      }
      if (release.liveness(lock) != LockHolder.Liveness.DEAD) {
        return false;
      }
      LockRelease.Outcome outcome = release.release(lock);
      if (outcome.released()) {
        LOG.warning(
            "Released the migration lock that "
                + lock.lockedBy()
                + " took at "
                + lock.since()
                + ": that process is gone, probably killed during a migration. "
                + (database instanceof PostgresDatabase
                    ? "Nothing to repair: PostgreSQL rolled its unfinished changeset back, and it"
                        + " runs again now."
                    : "This database commits DDL as it goes, so a changeset it was running may be"
                        + " half applied: if the migration now fails on it, restore the backup"
                        + " taken before the upgrade."));
      }
      return true;
    } catch (SQLException e) {
      throw new LockException("Cannot check who holds the migration lock: " + e.getMessage(), e);
    }
  }

  private Connection connection() {
    return ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
  }
}
