package com.migochat.it.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.it.support.Artifacts;
import com.migochat.it.support.Http;
import com.migochat.it.support.SchemaSnapshot;
import com.migochat.it.support.StartupAssertions;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the EAR, unchanged, does on every Jakarta EE server: each server's test extends this with
 * the server it starts. On one server start and one throwaway PostgreSQL database: the first
 * deployment migrates before the persistence unit logs in, the admin page is behind its login and
 * readiness is UP where the server has MicroProfile Health; a redeployment applies nothing; and a
 * changeset that the database refuses leaves PostgreSQL as it was while the application serves
 * nothing. The server is stopped whatever happened.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
abstract class EarDeploymentContract {

  private static final Logger LOG = Logger.getLogger(EarDeploymentContract.class.getName());
  private static final String LAST = ExpectedChangeSets.IDS.get(ExpectedChangeSets.IDS.size() - 1);

  /** A server of this test's kind, not started yet, on free ports. */
  abstract EarServer newServer();

  @Test
  void theEarMigratesBeforeJpaRedeploysWithNothingToApplyAndAFailedChangeSetChangesNothing()
      throws SQLException {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        EarServer server = newServer()) {
      server.start(
          Map.of(
              "MIGOCHAT_DB_URL",
              database.url(),
              "MIGOCHAT_DB_USER",
              database.user(),
              "MIGOCHAT_ADMIN_PASSWORD",
              Http.ADMIN_PASSWORD,
              // The failing deployment below comes after a downgrade; no pg_dump is needed here.
              "MIGOCHAT_BACKUP_BEFORE_UPGRADE",
              "never"));
      Http http = new Http("http://127.0.0.1:" + server.httpPort() + "/migochat/");
      Http health = new Http("http://127.0.0.1:" + server.httpPort() + "/health/");

      Duration deployed = server.deploy(Artifacts.ear());
      JsonObject startup = http.jsonAsAdmin("api/migrations/startup");
      logged("deployed", server, deployed, startup);
      StartupAssertions.migrationFinishedBeforeThePersistenceUnitLoggedIn(startup);
      StartupAssertions.startupBeanReadEveryEntityThroughJpa(startup);
      assertEquals(ExpectedChangeSets.IDS, StartupAssertions.appliedIds(startup));
      adminPageShowsTheHistoryBehindItsLogin(http);
      readinessIs(server, health, 200, "\"UP\"");

      SchemaSnapshot migrated = snapshotOf(database);
      Duration redeployed = server.deploy(Artifacts.ear());
      JsonObject again = http.jsonAsAdmin("api/migrations/startup");
      logged("redeployed", server, redeployed, again);
      StartupAssertions.migrationFinishedBeforeThePersistenceUnitLoggedIn(again);
      assertEquals(List.of(), StartupAssertions.appliedIds(again));
      assertEquals(migrated, snapshotOf(database));

      database.runner().downgrade(new DowngradeTarget.Steps(1));
      refuseEveryDdlStatement(database);
      SchemaSnapshot before = snapshotOf(database);
      logged("deployed with a refused changeset", server, server.deploy(Artifacts.ear()));
      theApplicationServesNothingAndNamesTheChangeSet(http);
      readinessIs(server, health, 503, LAST);
      assertEquals(before, snapshotOf(database));
    }
  }

  private static void adminPageShowsTheHistoryBehindItsLogin(Http http) {
    assertTrue(http.sendsToLogin("admin/migrations.xhtml"));
    HttpResponse<String> page = http.getAsAdmin("admin/migrations.xhtml");
    assertEquals(200, page.statusCode(), page.body());
    for (String id : ExpectedChangeSets.IDS) {
      assertTrue(page.body().contains("<td>" + id + "</td>"), id + " missing:\n" + page.body());
    }
  }

  private static void theApplicationServesNothingAndNamesTheChangeSet(Http http) {
    HttpResponse<String> home = http.get("");
    assertEquals(503, home.statusCode(), home.body());
    assertTrue(home.body().contains("CHANGESET_FAILED"), home.body());
    JsonObject failure = http.jsonAsAdmin("api/migrations/startup").getJsonObject("failure");
    assertEquals("CHANGESET_FAILED", failure.getString("error"));
    assertEquals(LAST, failure.getJsonObject("changeSet").getString("id"));
    assertTrue(
        failure.getString("databaseError").contains("migochat-it refuses DDL"), failure.toString());
  }

  /**
   * Where the server has MicroProfile Health, readiness answers {@code status} with {@code text}.
   */
  private static void readinessIs(EarServer server, Http health, int status, String text) {
    if (server.servesReadiness()) {
      HttpResponse<String> ready = health.get("ready");
      assertEquals(status, ready.statusCode(), ready.body());
      assertTrue(ready.body().contains(text), ready.body());
    }
  }

  /**
   * Makes PostgreSQL refuse every DDL statement, as a changeset can fail on a real database (a
   * missing privilege, a conflicting object), without a changelog that only the tests have: the EAR
   * under test stays the built one.
   */
  private static void refuseEveryDdlStatement(ThrowawayDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE FUNCTION migochat_it_refuse_ddl() RETURNS event_trigger LANGUAGE plpgsql AS"
              + " $$ BEGIN RAISE EXCEPTION 'migochat-it refuses DDL'; END $$");
      statement.execute(
          "CREATE EVENT TRIGGER migochat_it_refuse_ddl ON ddl_command_start"
              + " EXECUTE FUNCTION migochat_it_refuse_ddl()");
    }
  }

  private static SchemaSnapshot snapshotOf(ThrowawayDatabase database) throws SQLException {
    try (Connection connection = database.connect()) {
      return SchemaSnapshot.of(connection);
    }
  }

  private static void logged(String what, EarServer server, Duration took) {
    LOG.info("EAR " + what + " on " + server.name() + " in " + took.toMillis() + " ms");
  }

  /** Logs the deployment's time with its migration's, as the startup report gives it. */
  private static void logged(String what, EarServer server, Duration took, JsonObject startup) {
    logged(what + " (migration " + startup.get("tookMillis") + " ms)", server, took);
  }
}
