package com.migochat.runner.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.migochat.runner.testing.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Instances that start together on a new database, where none has created the lock table yet, get
 * the lock one at a time: none deletes the lock another took while initialising the table.
 */
class LockTableInitTest {

  private static final int INSTANCES = 6;
  private static final int ROUNDS = 40;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void instancesInitialisingANewLockTableTogetherNeverHoldTheLockTwice() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      for (int round = 1; round <= ROUNDS; round++) {
        try (Connection connection = database.connect();
            Statement statement = connection.createStatement()) {
          statement.execute("DROP TABLE IF EXISTS databasechangeloglock");
        }
        CyclicBarrier start = new CyclicBarrier(INSTANCES);
        List<Future<Boolean>> acquired = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int instance = 0; instance < INSTANCES; instance++) {
          Connection connection = database.connect();
          connections.add(connection);
          acquired.add(threads.submit(() -> tryTheLock(connection, start)));
        }
        int holders = 0;
        for (Future<Boolean> instance : acquired) {
          holders += instance.get(1, TimeUnit.MINUTES) ? 1 : 0;
        }
        for (Connection connection : connections) {
          connection.close();
        }
        LockServiceFactory.getInstance().resetAll();
        assertEquals(1, holders, "instances holding the lock at once, round " + round);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** One instance's first attempt at the lock, as Liquibase makes it: init, then acquire. */
  private static boolean tryTheLock(Connection connection, CyclicBarrier start) throws Exception {
    Database database = LiquibaseSession.database(connection);
    Scope.ScopedRunnerWithReturn<Boolean> attempt =
        () -> {
          LockService lock = LockServiceFactory.getInstance().getLockService(database);
          start.await();
          return lock.acquireLock();
        };
    return Scope.child(
        Map.of(Scope.Attr.classLoader.name(), LockTableInitTest.class.getClassLoader()), attempt);
  }
}
