package com.migochat.runner.liquibase;

import com.migochat.runner.lockwait.MigrationSessionName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.exception.LockException;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;

/**
 * The migration lock, held by the runner for a whole upgrade: the backup before it, Liquibase's
 * update and the fingerprint after it. Liquibase's commands take and release the lock themselves;
 * run {@link #around} this lock, {@link CrashSafeLockService} finds the lock already held for their
 * database and leaves it to this one. The lock table sees one acquisition and one release, as with
 * any Liquibase update, so stock Liquibase tools honour it as usual. While it is held, and while it
 * is waited for, the session is named as the migration's (see {@link MigrationSessionName}).
 */
public final class UpgradeLock implements AutoCloseable {

  private static final String SCOPE_KEY = "migochat.upgradeLock";

  private final LockService service;
  private final Database database;
  private final Connection connection;

  private UpgradeLock(LockService service, Database database, Connection connection) {
    this.service = service;
    this.database = database;
    this.connection = connection;
  }

  /** Waits for the lock as Liquibase does (and as long), and takes it, on {@code connection}. */
  static UpgradeLock take(Database database, Connection connection)
      throws LockException, SQLException {
    MigrationSessionName.set(connection);
    try {
      LockService service = LockServiceFactory.getInstance().getLockService(database);
      service.waitForLock();
      return new UpgradeLock(service, database, connection);
    } catch (LockException | RuntimeException e) {
      MigrationSessionName.reset(connection);
      throw e;
    }
  }

  /** Runs Liquibase work on this lock's database, under this lock. */
  public <T> T around(Scope.ScopedRunnerWithReturn<T> work) throws Exception {
    return Scope.child(Map.of(SCOPE_KEY, database), work);
  }

  /** Whether the work running now runs {@link #around} the lock on {@code database}. */
  static boolean heldFor(Database database) {
    return database != null && Scope.getCurrentScope().get(SCOPE_KEY, Object.class) == database;
  }

  @Override
  public void close() throws LockException {
    try {
      service.releaseLock();
    } finally {
      MigrationSessionName.reset(connection);
    }
  }
}
