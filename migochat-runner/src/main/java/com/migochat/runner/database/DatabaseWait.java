package com.migochat.runner.database;

import com.migochat.runner.failure.FailureAnalysis;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.failure.MigrationFailure;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Waits for a database that is not reachable yet, as when a whole system starts and the application
 * comes up before its database: tries again after 1, 2, 4, 8 and then every 10 seconds until the
 * database answers or the patience is spent. What waiting cannot cure (a refused login, a URL no
 * driver accepts, a database that does not exist) fails at once.
 */
public final class DatabaseWait {

  private static final Logger LOG = Logger.getLogger(DatabaseWait.class.getName());
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

  private DatabaseWait() {}

  /**
   * Returns once {@code dataSource} gives a connection; throws a {@link MigrationException} naming
   * the setting to check when it cannot, or not within {@code patience}.
   */
  public static void until(DataSource dataSource, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    Duration pause = Duration.ofSeconds(1);
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        if (attempt > 1) {
          LOG.info("The database answered after " + attempt + " attempts; migrating now.");
        }
        return;
      } catch (SQLException e) {
        MigrationFailure failure = FailureAnalysis.ofConnection(e);
        if (!notReachableYet(e)) {
          throw MigrationException.ofConnection(e);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw MigrationException.because(
              failure.error(),
              null,
              "still unreachable after "
                  + patience.toSeconds()
                  + " s and "
                  + attempt
                  + " attempts: "
                  + failure.databaseError(),
              failure.action()
                  + ", or wait longer for it with migochat.db.wait-seconds"
                  + " (MIGOCHAT_DB_WAIT_SECONDS)",
              e);
        }
        Duration next = Duration.ofNanos(Math.min(pause.toNanos(), left));
        LOG.info(
            "The database is not reachable yet ("
                + failure.databaseError()
                + "); trying again in "
                + next.toMillis()
                + " ms, for at most "
                + Duration.ofNanos(left).toSeconds()
                + " s more.");
        sleep(next);
        pause =
            pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0
                ? LONGEST_PAUSE
                : pause.multipliedBy(2);
      }
    }
  }

  /**
   * A refused or dropped connection, or a server still starting: what time can cure. Connection
   * pools report every failure to connect alike, so the words of what time cannot cure (a URL no
   * driver accepts, a database that does not exist, a refused login) are looked for first.
   */
  static boolean notReachableYet(SQLException e) {
    if (FailureAnalysis.ofConnection(e).error() == MigrationError.DATABASE_LOGIN_REFUSED) {
      return false;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (message.contains(JdbcUrlDataSource.NO_DRIVER)
          || message.matches("(?s).*database \".*\" does not exist.*")) {
        return false;
      }
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.equals("57P03")) {
          return true;
        }
      }
    }
    return false;
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the database", e);
    }
  }
}
