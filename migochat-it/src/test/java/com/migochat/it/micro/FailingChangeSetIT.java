package com.migochat.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.it.support.Deployments;
import com.migochat.it.support.Http;
import com.migochat.it.support.MicroSettings;
import com.migochat.it.support.SchemaSnapshot;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.testkit.PayaraMicroProcess;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A changeset that fails on PostgreSQL: nothing of it stays in the database, the application serves
 * nothing, and the log says once what failed and what to do.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FailingChangeSetIT {

  private static final String FAILING = "29991231_2359_fails_halfway";

  @Test
  void aFailingChangeSetLeavesPostgresqlUnchangedAndTheApplicationNotServing() throws SQLException {
    Path folder = Path.of("target", "failing-changeset");
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      database.runner().upgrade();
      SchemaSnapshot before;
      try (Connection connection = database.connect()) {
        before = SchemaSnapshot.of(connection);
      }
      Path war = Deployments.migochatWarWith("db/test/failing-changelog.xml", folder);

      try (PayaraMicroProcess micro =
          PayaraMicroProcess.start(
              MicroSettings.on(database)
                  .with("migochat.migrations.changelog", "db/test/failing-changelog.xml")
                  .deploying(war, folder))) {
        HttpResponse<String> home = new Http(micro.baseUrl()).get("");
        HttpResponse<String> ready = new Http(micro.healthUrl()).get("ready");
        String log = micro.log();

        assertEquals(503, home.statusCode(), home.body());
        assertTrue(home.body().contains(FAILING), home.body());
        assertTrue(
            home.headers()
                .firstValue("Content-Security-Policy")
                .orElse("")
                .contains("frame-ancestors 'none'"),
            home.headers().toString());
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains(FAILING), ready.body());
        for (HttpResponse<String> anyonesAnswer : List.of(home, ready)) {
          String body = anyonesAnswer.body();
          assertTrue(body.contains("CHANGESET_FAILED"), body);
          assertFalse(body.contains("no_such_table"), "the database's error is public: " + body);
          assertFalse(body.contains("migochat-tests"), "the author is public: " + body);
          assertFalse(body.contains(FAILING + ".xml"), "the file is public: " + body);
        }
        JsonObject failure =
            new Http(micro.baseUrl())
                .jsonAsAdmin("api/migrations/startup")
                .getJsonObject("failure");
        assertEquals("CHANGESET_FAILED", failure.getString("error"));
        assertEquals(FAILING, failure.getJsonObject("changeSet").getString("id"));
        assertTrue(
            failure
                .getString("databaseError")
                .contains("relation \"no_such_table\" does not exist"),
            failure.toString());
        assertTrue(
            failure.getString("action").startsWith("the database rolled back everything"),
            failure.toString());
        String expected =
            "Migration of changeset "
                + FAILING
                + " (author migochat-tests) in file test/"
                + FAILING
                + ".xml failed: ERROR: relation \"no_such_table\" does not exist";
        assertEquals(1, occurrences(log, expected), "the failure must be logged once:\n" + log);
        assertTrue(log.contains("Action: the database rolled back everything"), log);
      }
      try (Connection connection = database.connect()) {
        assertEquals(before, SchemaSnapshot.of(connection));
      }
    }
  }

  private static int occurrences(String text, String part) {
    return (int) Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
  }
}
