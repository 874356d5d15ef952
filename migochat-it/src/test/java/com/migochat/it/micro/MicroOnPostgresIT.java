package com.migochat.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.it.support.ArquillianMicro;
import com.migochat.it.support.Artifacts;
import com.migochat.it.support.Deployments;
import com.migochat.it.support.Http;
import com.migochat.it.support.MicroDatabase;
import com.migochat.it.support.MicroSettings;
import com.migochat.it.support.SchemaSnapshot;
import com.migochat.it.support.StartupAssertions;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.testkit.PayaraMicroProcess;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real Micro WAR on Payara Micro (Arquillian) against a throwaway PostgreSQL database. */
@ExtendWith(MicroDatabase.Postgres.class)
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MicroOnPostgresIT {

  private final Http http = new Http(ArquillianMicro.url("migochat/"));

  @Deployment(testable = false)
  static WebArchive migochat() {
    return Deployments.migochatWar();
  }

  @Test
  @Order(1)
  void theFirstRequestReadsTheMigratedSchemaThroughJpa() throws SQLException {
    try (Connection connection = MicroDatabase.current().connect();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO users (psid, first_name, full_name, created_at, updated_at)"
              + " VALUES ('psid-1', 'Ada', 'Ada', now(), now())");
    }

    HttpResponse<String> page = http.getAsAdmin("admin/migrations.xhtml");

    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("<td>User</td><td>1</td>"), page.body());
  }

  @Test
  @Order(2)
  void everyChangeSetWasAppliedExactlyOnceInOrder() throws SQLException {
    try (Connection connection = MicroDatabase.current().connect()) {
      assertEquals(ExpectedChangeSets.IDS, SchemaSnapshot.historyIdsOf(connection));
    }
    assertEquals(ExpectedChangeSets.IDS, StartupAssertions.appliedIds(startup()));
  }

  @Test
  @Order(3)
  void theMigrationFinishedBeforeThePersistenceUnitsFirstLogin() {
    StartupAssertions.migrationRanOnceBeforeThePersistenceUnitLoggedIn(startup());
  }

  @Test
  @Order(4)
  void aStartupBeanUsingJpaInPostConstructSawTheMigratedSchema() {
    StartupAssertions.startupBeanReadEveryEntityThroughJpa(startup());
  }

  @Test
  @Order(5)
  void theAdminPageNeedsTheAdminLoginAndThenShowsVersionAndHistory() {
    assertTrue(http.sendsToLogin("admin/migrations.xhtml"));
    assertEquals(401, http.getAs("admin/migrations.xhtml", "admin", "wrong").statusCode());
    assertEquals(401, http.get("api/migrations/status").statusCode());

    HttpResponse<String> response = http.getAsAdmin("admin/migrations.xhtml");
    String page = response.body();

    assertTrue(
        response
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("frame-ancestors 'none'"),
        response.headers().toString());
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));

    assertTrue(
        page.contains(
            "<dd id=\"current-version\">"
                + ExpectedChangeSets.IDS.get(ExpectedChangeSets.IDS.size() - 1)
                + "</dd>"),
        page);
    for (String id : ExpectedChangeSets.IDS) {
      assertTrue(page.contains("<td>" + id + "</td>"), id + " missing from the history");
    }
    assertTrue(page.contains("yes (0 pending)"), page);
    assertTrue(page.contains("<dd id=\"lock-state\">free</dd>"), page);
    assertEquals(
        false, http.jsonAsAdmin("api/migrations/lock").getJsonObject("state").getBoolean("locked"));
    JsonObject status = http.jsonAsAdmin("api/migrations/status");
    assertTrue(status.getBoolean("atHead"), status.toString());
    assertEquals(ExpectedChangeSets.IDS.size(), status.getInt("applied"));
    assertEquals(0, status.getJsonArray("drift").size(), status.toString());
    assertEquals("[]", http.getAsAdmin("api/migrations/pending").body());
    JsonObject oldestFirst = http.jsonAsAdmin("api/migrations/history?size=1&sort=order&dir=asc");
    assertEquals(
        ExpectedChangeSets.IDS.get(0),
        oldestFirst
            .getJsonArray("runs")
            .getJsonObject(0)
            .getJsonObject("changeSet")
            .getString("id"));
    assertEquals(1, http.jsonAsAdmin("api/migrations/history?q=FULL_NAME").getInt("total"));
    HttpResponse<String> badSort = http.getAsAdmin("api/migrations/history?sort=colour");
    assertEquals(400, badSort.statusCode());
    assertTrue(badSort.body().contains("sort by one of executed, order, id"), badSort.body());
  }

  @Test
  @Order(6)
  void theInstanceIsRegisteredWithItsReleaseHeartbeatAndMapping() {
    JsonArray instances = http.jsonArrayAsAdmin("api/migrations/instances");
    String page = http.getAsAdmin("admin/migrations.xhtml").body();

    assertEquals(1, instances.size(), instances.toString());
    JsonObject self = instances.getJsonObject(0);
    assertTrue(self.getBoolean("self") && self.getBoolean("alive"), self.toString());
    assertEquals("1.0.0-SNAPSHOT", self.getString("version"));
    assertTrue(
        self.getString("changeLogHead")
            .contains("::" + ExpectedChangeSets.IDS.get(ExpectedChangeSets.IDS.size() - 1) + "::"),
        self.toString());
    assertTrue(self.getInt("heartbeatAgeSeconds") < 60, self.toString());
    assertTrue(
        self.getString("mapping").matches(".*(^|;)users\\([^)]*\\bemail\\b.*"), self.toString());
    assertTrue(self.getString("progress").startsWith("Schema migrated: applied "), self.toString());
    assertTrue(page.contains("<h2 id=\"instances-heading\">Instances</h2>"), page);
    assertTrue(page.contains(", this instance</td><td>1.0.0-SNAPSHOT</td>"), page);
  }

  @Test
  @Order(6)
  void readinessIsUpOnceTheSchemaIsAtHead() {
    HttpResponse<String> ready = new Http(ArquillianMicro.url("health/")).get("ready");

    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"migochat-schema\""), ready.body());
    assertTrue(
        ready.body().contains("\"applied\":\"" + ExpectedChangeSets.IDS.size() + "\""),
        ready.body());
    HttpResponse<String> live = new Http(ArquillianMicro.url("health/")).get("live");
    assertEquals(200, live.statusCode(), live.body());
    assertTrue(live.body().contains("\"migochat-process\""), live.body());
  }

  @Test
  @Order(6)
  void metricsSayHowTheMigrationWentAndWhatIsPending() {
    String metrics = new Http(ArquillianMicro.url("")).get("metrics?scope=application").body();

    assertTrue(
        metrics.contains(
            "migochat_migration_applied{mp_scope=\"application\"} "
                + ExpectedChangeSets.IDS.size()
                + ".0"),
        metrics);
    assertTrue(
        metrics.contains("migochat_migration_pending{mp_scope=\"application\"} 0.0"), metrics);
    assertTrue(
        metrics.contains("migochat_migration_failed{mp_scope=\"application\"} 0.0"), metrics);
    assertTrue(metrics.contains("migochat_migration_duration_seconds{"), metrics);
  }

  @Test
  @Order(7)
  void aSecondDeploymentAppliesNothingAndLogsItsSettingsOnceWithoutASecret() throws SQLException {
    SchemaSnapshot before;
    try (Connection connection = MicroDatabase.current().connect()) {
      before = SchemaSnapshot.of(connection);
    }
    // PostgreSQL trusts the test user, so the database password is never checked, only carried.
    List<String> secrets =
        List.of(
            Http.ADMIN_PASSWORD,
            "it-db-Secret-31",
            "it-vera-Secret-32",
            "it-app-Secret-33",
            "it-verify-Token-34");

    try (PayaraMicroProcess second =
        PayaraMicroProcess.start(
            MicroSettings.on(MicroDatabase.current())
                .with("migochat.db.password", secrets.get(1))
                .with("migochat.users", "vera=viewer")
                .with("migochat.user.vera.password", secrets.get(2))
                .with("migochat.messenger.app-secret", secrets.get(3))
                .with("migochat.messenger.verify-token", secrets.get(4))
                .deploying(Artifacts.microWar(), Path.of("target", "second-deployment")))) {
      JsonObject startup = new Http(second.baseUrl()).jsonAsAdmin("api/migrations/startup");

      assertEquals(List.of(), StartupAssertions.appliedIds(startup));
      assertTrue(startup.getBoolean("schemaCurrent"));
      assertTrue(second.log().contains("Schema is current: nothing to apply"), second.log());
      List<String> settings =
          second.log().lines().filter(line -> line.contains("Migochat settings: ")).toList();
      assertEquals(1, settings.size(), second.log());
      assertTrue(
          settings.get(0).contains("console admin 'admin' (password set), accounts [vera (viewer)]")
              && settings.get(0).contains("webhook verify token set, app secret set"),
          settings.get(0));
      for (String secret : secrets) {
        assertFalse(settings.get(0).contains(secret), secret + " logged: " + settings.get(0));
      }
    }
    try (Connection connection = MicroDatabase.current().connect()) {
      assertEquals(before, SchemaSnapshot.of(connection));
    }
  }

  private JsonObject startup() {
    return http.jsonAsAdmin("api/migrations/startup");
  }

  @Test
  @Order(8)
  void aDeploymentWithChangesToApplyBacksThePostgresDatabaseUpFirst() throws Exception {
    MicroDatabase.current().runner().downgrade(new DowngradeTarget.Steps(1));
    Path backups = Path.of("target", "backup-before-upgrade", "backups").toAbsolutePath();
    deleteDumpsIn(backups); // left by an earlier run without 'clean'

    try (PayaraMicroProcess third =
        PayaraMicroProcess.start(
            MicroSettings.on(MicroDatabase.current())
                .with("migochat.backup.dir", backups.toString())
                .deploying(Artifacts.microWar(), Path.of("target", "backup-before-upgrade")))) {
      JsonObject startup = new Http(third.baseUrl()).jsonAsAdmin("api/migrations/startup");

      assertEquals(
          List.of(ExpectedChangeSets.IDS.get(ExpectedChangeSets.IDS.size() - 1)),
          StartupAssertions.appliedIds(startup));
      assertTrue(third.log().contains("Backed up the database to " + backups), third.log());
    }
    try (Stream<Path> files = Files.list(backups)) {
      List<Path> dumps = files.filter(file -> file.toString().endsWith(".dump")).toList();
      assertEquals(1, dumps.size(), dumps.toString());
      assertTrue(Files.size(dumps.get(0)) > 0);
    }
  }

  private static void deleteDumpsIn(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path dump : files.filter(file -> file.toString().endsWith(".dump")).toList()) {
          Files.delete(dump);
        }
      }
    }
  }
}
