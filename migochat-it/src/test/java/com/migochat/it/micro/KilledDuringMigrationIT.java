package com.migochat.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.it.support.Deployments;
import com.migochat.it.support.Http;
import com.migochat.it.support.MicroSettings;
import com.migochat.it.support.SchemaSnapshot;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.testkit.MicroLaunch;
import com.migochat.testkit.PayaraMicroProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Payara Micro killed with SIGKILL in the middle of a changeset: PostgreSQL rolls that changeset
 * back, and the next start releases the dead instance's lock by itself, runs the changeset again
 * and serves. Stock Liquibase would leave the lock taken and every later start waiting on it.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class KilledDuringMigrationIT {

  private static final String CHANGELOG = "db/test/slow-changelog.xml";
  private static final String SLOW = "29991231_2358_slow";

  @Test
  void theNextStartAfterAKillDuringAChangeSetProceedsWithoutManualUnlock() throws Exception {
    Path folder = Path.of("target", "killed-during-migration");
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      Path war = Deployments.migochatWarWith(CHANGELOG, folder);
      MicroLaunch launch =
          MicroSettings.on(database)
              .with("migochat.migrations.changelog", CHANGELOG)
              .deploying(war, folder);

      PayaraMicroProcess killed = PayaraMicroProcess.launch(launch);
      try {
        awaitSlowChangeSetRunning(database);
      } finally {
        killed.kill();
      }
      try (Connection connection = database.connect()) {
        assertEquals(ExpectedChangeSets.IDS, SchemaSnapshot.historyIdsOf(connection));
        assertFalse(
            tables(connection).contains("slow_table"), "the killed changeset left its table");
        assertTrue(locked(connection), "the killed instance left the lock taken");
      }

      try (PayaraMicroProcess next = PayaraMicroProcess.start(launch)) {
        HttpResponse<String> ready = new Http(next.healthUrl()).get("ready");

        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(next.log().contains("Released the migration lock that"), next.log());
      }
      try (Connection connection = database.connect()) {
        List<String> expected = new ArrayList<>(ExpectedChangeSets.IDS);
        expected.add(SLOW);
        assertEquals(expected, SchemaSnapshot.historyIdsOf(connection));
        assertTrue(tables(connection).contains("slow_table"));
        assertFalse(locked(connection));
      }
    }
  }

  /** Waits until the slow changeset's statement runs in PostgreSQL. */
  private static void awaitSlowChangeSetRunning(ThrowawayDatabase database) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement();
          ResultSet running =
              statement.executeQuery(
                  "SELECT 1 FROM pg_stat_activity WHERE state = 'active'"
                      + " AND query LIKE 'SELECT pg_sleep(20)%'")) {
        if (running.next()) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the slow changeset never started");
  }

  private static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet result =
        connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
      while (result.next()) {
        tables.add(result.getString("TABLE_NAME"));
      }
    }
    return tables;
  }

  private static boolean locked(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet lock =
            statement.executeQuery("SELECT locked FROM databasechangeloglock WHERE id = 1")) {
      return lock.next() && lock.getBoolean(1);
    }
  }
}
