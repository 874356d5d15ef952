package com.migochat.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.it.support.Artifacts;
import com.migochat.it.support.Http;
import com.migochat.it.support.MicroSettings;
import com.migochat.it.support.SchemaSnapshot;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.testkit.FreePorts;
import com.migochat.testkit.PayaraMicroProcess;
import com.migochat.testkit.TcpForwarder;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Payara Micro starting Migochat under faults: a database that comes up late is waited for; an
 * unreachable one, an unknown user or a malformed URL gives one line naming the setting and the
 * fix; an edited applied changeset stops the migration, names the changeset and both repairs, and
 * changes nothing.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StartupFaultsIT {

  private static final Path FOLDER = Path.of("target", "startup-faults");
  private static final Pattern MIGRATION_FAILED = Pattern.compile("Migration failed: ([^\\n]*)");

  @Test
  void aDatabaseThatComesUpAfterTheApplicationIsWaitedFor() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      int port = FreePorts.pick();
      InetSocketAddress server = database.server();

      try (PayaraMicroProcess micro =
          PayaraMicroProcess.launch(
              MicroSettings.on(database)
                  .with("migochat.db.url", database.urlVia(port))
                  .deploying(Artifacts.microWar(), FOLDER))) {
        // The database comes up once the application has found it unreachable, however long the
        // boot took until then (a fixed delay raced slow boots on a loaded machine).
        awaitLogLine(micro, "The database is not reachable yet");
        try (TcpForwarder forwarder =
            TcpForwarder.start(port, server.getHostString(), server.getPort())) {
          micro.awaitReady();
          HttpResponse<String> ready = new Http(micro.healthUrl()).get("ready");

          assertEquals(200, ready.statusCode(), ready.body());
          assertTrue(
              micro
                  .log()
                  .contains(
                      "Schema migrated: applied " + ExpectedChangeSets.IDS.size() + " changesets"),
              micro.log());
        }
      }
    }
  }

  private static void awaitLogLine(PayaraMicroProcess micro, String line)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (!micro.log().contains(line)) {
      assertTrue(Instant.now().isBefore(deadline), "never logged '" + line + "':\n" + micro.log());
      Thread.sleep(250);
    }
  }

  @Test
  void aDatabaseThatStaysUnreachableFailsAfterTheWaitNamingTheSettings() {
    String url = "jdbc:postgresql://127.0.0.1:" + FreePorts.pick() + "/migochat";
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        PayaraMicroProcess micro =
            start(
                MicroSettings.on(database)
                    .with("migochat.db.url", url)
                    .with("migochat.db.wait-seconds", "3"))) {
      String line = theOneFailureLine(micro);

      assertTrue(line.startsWith("DATABASE_UNREACHABLE: still unreachable after 3 s"), line);
      assertTrue(line.contains("MIGOCHAT_DB_URL"), line);
      assertTrue(line.contains("MIGOCHAT_DB_WAIT_SECONDS"), line);
      assertNotServing(micro);
    }
  }

  @Test
  void anUnknownUserIsReportedAtOnceNamingTheSetting() {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        PayaraMicroProcess micro =
            start(MicroSettings.on(database).with("migochat.db.user", "no_such_role"))) {
      String line = theOneFailureLine(micro);

      assertTrue(line.startsWith("DATABASE_LOGIN_REFUSED: "), line);
      assertTrue(line.contains("MIGOCHAT_DB_USER"), line);
      assertFalse(micro.log().contains("not reachable yet"), "waited for a refused login");
      assertNotServing(micro);
    }
  }

  @Test
  void aMalformedUrlIsReportedNamingTheSetting() {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        PayaraMicroProcess micro =
            start(
                MicroSettings.on(database)
                    .with("migochat.db.url", "jdbc:postgres//127.0.0.1/migochat"))) {
      String line = theOneFailureLine(micro);

      assertTrue(line.contains("No JDBC driver accepts the URL in migochat.db.url"), line);
      assertFalse(micro.log().contains("not reachable yet"), "waited for a malformed URL");
      assertNotServing(micro);
    }
  }

  @Test
  void anEditedAppliedChangeSetStopsTheStartNamingItAndBothRepairs() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      database.runner().upgrade();
      SchemaSnapshot before;
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "UPDATE databasechangelog SET md5sum = '9:00000000000000000000000000000000'"
                + " WHERE id = '20250303_1030_add_email_to_users'");
        before = SchemaSnapshot.of(connection);
      }

      try (PayaraMicroProcess micro = start(MicroSettings.on(database))) {
        HttpResponse<String> ready = new Http(micro.healthUrl()).get("ready");
        String log = micro.log();

        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("20250303_1030_add_email_to_users"), ready.body());
        assertTrue(
            log.contains(
                "Migration of changeset 20250303_1030_add_email_to_users (author migochat) in file"
                    + " migochat/20250303_1030_add_email_to_users.xml failed: it was applied with"
                    + " checksum 9:00000000000000000000000000000000"),
            log);
        assertTrue(log.contains("revert the edit and put the change in a new changeset"), log);
        assertTrue(log.contains("<validCheckSum>9:"), log);
      }
      try (Connection connection = database.connect()) {
        assertEquals(before, SchemaSnapshot.of(connection));
      }
    }
  }

  private static PayaraMicroProcess start(MicroSettings settings) {
    return PayaraMicroProcess.start(settings.deploying(Artifacts.microWar(), FOLDER));
  }

  /** The migration's failure, which must be logged exactly once. */
  private static String theOneFailureLine(PayaraMicroProcess micro) {
    Matcher failed = MIGRATION_FAILED.matcher(micro.log());
    assertTrue(failed.find(), micro.log());
    String line = failed.group(1);
    assertFalse(failed.find(), "the failure was logged twice:\n" + micro.log());
    return line;
  }

  /** Nothing of Migochat answers: the health check reports it down, whatever the reason. */
  private static void assertNotServing(PayaraMicroProcess micro) {
    HttpResponse<String> ready = new Http(micro.healthUrl()).get("ready");
    assertEquals(503, ready.statusCode(), ready.body());
    List<Integer> served = List.of(new Http(micro.baseUrl()).get("webhook").statusCode());
    assertFalse(served.contains(200), "Migochat served " + served);
  }
}
