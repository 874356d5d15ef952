package com.migochat.migrations.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Date;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.exception.LockException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.StandardLockService;

/**
 * Liquibase's lock in {@code DATABASECHANGELOGLOCK}, which other Liquibase tools honour as usual,
 * except that a lock whose holder has died is released instead of blocking every start until
 * someone runs {@code unlock}. Stock Liquibase leaves a process killed during a migration holding
 * the lock forever.
 *
 * <p>The holder is dead when the database says so: the PostgreSQL session recorded with the lock
 * (see {@link LockHolderGenerator}) has ended, which PostgreSQL notices as soon as the process's
 * connection drops, and which also rolled back the changeset it was running. On this host a process
 * id that no longer runs counts too. A holder that cannot be checked (another host without a
 * session, or a tool that records no process) is waited for, as Liquibase does.
 *
 * <p>Registered as a Liquibase service with a higher priority than the stock lock service.
 */
public class CrashSafeLockService extends StandardLockService {

  private static final Logger LOG = Logger.getLogger(CrashSafeLockService.class.getName());

  @Override
  public int getPriority() {
    return super.getPriority() + 1;
  }

  @Override
  public boolean acquireLock() throws LockException {
    if (super.acquireLock()) {
      return true;
    }
    if (releasedFromDeadHolder() && super.acquireLock()) {
      return true;
    }
    reportWaiting();
    return false;
  }

  /** Tells the run's {@link MigrationProgress}, if it has one, whose lock it waits for. */
  private void reportWaiting() throws LockException {
    MigrationProgress progress =
        Scope.getCurrentScope().get(MigrationProgress.SCOPE_KEY, MigrationProgress.class);
    DatabaseChangeLogLock[] locks = listLocks();
    if (progress != null && locks.length > 0) {
      Date granted = locks[0].getLockGranted();
      progress.waitingForLock(locks[0].getLockedBy(), granted == null ? null : granted.toInstant());
    }
  }

  private boolean releasedFromDeadHolder() throws LockException {
    DatabaseChangeLogLock[] locks = listLocks();
    if (locks.length == 0) {
      return false;
    }
    DatabaseChangeLogLock lock = locks[0];
    try {
      Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
      LockHolder.Liveness holder =
          LockHolder.parse(lock.getLockedBy())
              .liveness(connection, database instanceof PostgresDatabase);
      if (holder != LockHolder.Liveness.DEAD) {
        return false;
      }
      int released;
      // Only this holder's lock: another instance may have released it and taken it since.
      try (PreparedStatement release =
          connection.prepareStatement(
              "UPDATE DATABASECHANGELOGLOCK SET LOCKED = ?, LOCKEDBY = NULL, LOCKGRANTED = NULL"
                  + " WHERE ID = 1 AND LOCKED = ? AND LOCKEDBY = ?")) {
        release.setBoolean(1, false);
        release.setBoolean(2, true);
        release.setString(3, lock.getLockedBy());
        released = release.executeUpdate();
      }
      database.commit();
      if (released == 1) {
        LOG.warning(
            "Released the migration lock that "
                + lock.getLockedBy()
                + " took at "
                + lock.getLockGranted()
                + ": that process is gone, probably killed during a migration. "
                + (database instanceof PostgresDatabase
                    ? "Nothing to repair: PostgreSQL rolled its unfinished changeset back, and it"
                        + " runs again now."
                    : "This database commits DDL as it goes, so a changeset it was running may be"
                        + " half applied: if the migration now fails on it, restore the backup"
                        + " taken before the upgrade."));
      }
      return true;
    } catch (SQLException | DatabaseException e) {
      throw new LockException("Cannot check who holds the migration lock: " + e.getMessage(), e);
    }
  }
}
