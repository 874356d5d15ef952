package com.migochat.runner.lock;

import java.sql.Connection;
import java.sql.DriverManager;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;

/**
 * A process that takes the migration lock the way a migrating instance does, says so, and waits to
 * be killed: {@code LockTakingProcess <jdbc url> <user>}.
 */
public final class LockTakingProcess {

  static final String LOCKED = "locked";

  private LockTakingProcess() {}

  public static void main(String[] args) throws Exception {
    Connection connection = DriverManager.getConnection(args[0], args[1], "");
    Database database =
        DatabaseFactory.getInstance()
            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
    if (!LockServiceFactory.getInstance().getLockService(database).acquireLock()) {
      throw new IllegalStateException("the lock was not free");
    }
    System.out.println(LOCKED);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
