package com.migochat.runner.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.testkit.FreePorts;
import com.migochat.testkit.TcpForwarder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A deployment waits for a database that comes up after it, gives up after its patience with the
 * setting to raise, and does not wait for what time cannot cure.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DatabaseWaitTest {

  @Test
  void aDatabaseThatComesUpLaterIsWaitedFor() throws Exception {
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    AtomicReference<TcpForwarder> forwarder = new AtomicReference<>();
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      int port = FreePorts.pick();
      InetSocketAddress server = database.server();
      ScheduledFuture<?> comesUp =
          later.schedule(
              () ->
                  forwarder.set(TcpForwarder.start(port, server.getHostString(), server.getPort())),
              3,
              TimeUnit.SECONDS);

      DatabaseWait.until(
          dataSource(database.urlVia(port), database.user()), Duration.ofSeconds(60));

      assertTrue(comesUp.isDone(), "connected before the database was there");
      new MigrationRunner(
              MigrationConfiguration.configure(database.login())
                  .dataSource(dataSource(database.urlVia(port), database.user()))
                  .load())
          .upgrade();
    } finally {
      later.shutdownNow();
      if (forwarder.get() != null) {
        forwarder.get().close();
      }
    }
  }

  @Test
  void aDatabaseThatNeverComesUpFailsAfterThePatienceNamingTheSetting() {
    String url = "jdbc:postgresql://127.0.0.1:" + FreePorts.pick() + "/migochat";

    MigrationException gaveUp =
        assertThrows(
            MigrationException.class,
            () -> DatabaseWait.until(dataSource(url, "postgres"), Duration.ofSeconds(2)));

    assertEquals(MigrationError.DATABASE_UNREACHABLE, gaveUp.failure().error());
    assertTrue(gaveUp.getMessage().contains("still unreachable after 2 s"), gaveUp.getMessage());
    assertTrue(gaveUp.getMessage().contains("MIGOCHAT_DB_URL"), gaveUp.getMessage());
    assertTrue(gaveUp.getMessage().contains("MIGOCHAT_DB_WAIT_SECONDS"), gaveUp.getMessage());
  }

  @Test
  void aRefusedLoginIsNotWaitedFor() {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationException refused =
          assertThrows(
              MigrationException.class,
              () ->
                  DatabaseWait.until(
                      dataSource(database.url(), "no_such_role"), Duration.ofMinutes(10)));

      assertEquals(MigrationError.DATABASE_LOGIN_REFUSED, refused.failure().error());
      assertTrue(refused.getMessage().contains("MIGOCHAT_DB_USER"), refused.getMessage());
    }
  }

  @Test
  void aUrlNoDriverAcceptsIsNotWaitedFor() {
    MigrationException refused =
        assertThrows(
            MigrationException.class,
            () ->
                DatabaseWait.until(
                    dataSource("jdbc:postgres//127.0.0.1/migochat", "postgres"),
                    Duration.ofMinutes(10)));

    assertTrue(refused.getMessage().contains(JdbcUrlDataSource.NO_DRIVER), refused.getMessage());
  }

  private static JdbcUrlDataSource dataSource(String url, String user) {
    JdbcUrlDataSource dataSource = new JdbcUrlDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(user);
    return dataSource;
  }
}
