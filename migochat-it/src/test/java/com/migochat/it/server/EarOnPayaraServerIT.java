package com.migochat.it.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.it.support.Artifacts;
import com.migochat.it.support.Http;
import com.migochat.it.support.SchemaSnapshot;
import com.migochat.it.support.StartupAssertions;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.testkit.FreePorts;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The EAR, unchanged, on a full Payara Server 6 against PostgreSQL: the server's environment
 * selects the database, the migration runs on deploy, and the admin page shows the history.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class EarOnPayaraServerIT {

  private static final Logger LOG = Logger.getLogger(EarOnPayaraServerIT.class.getName());

  @Test
  void theEarMigratesPostgresqlOnDeployAndItsAdminPageShowsTheHistory() throws SQLException {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        PayaraServerDomain domain =
            PayaraServerDomain.create(
                Artifacts.payaraServerHome(),
                Path.of("target", "domains").toAbsolutePath(),
                "migochat-it",
                FreePorts.block(100))) {
      domain.start(
          Map.of(
              "MIGOCHAT_DB_URL", database.url(),
              "MIGOCHAT_DB_USER", database.user(),
              "MIGOCHAT_ADMIN_PASSWORD", Http.ADMIN_PASSWORD));

      Duration deployTime = domain.deploy(Artifacts.ear(), "migochat");
      LOG.info("EAR deployed on Payara Server in " + deployTime.toMillis() + " ms");

      Http http = new Http("http://127.0.0.1:" + domain.httpPort() + "/migochat/");
      try (Connection connection = database.connect()) {
        assertEquals(ExpectedChangeSets.IDS, SchemaSnapshot.historyIdsOf(connection));
      }
      assertTrue(http.sendsToLogin("admin/migrations.xhtml"));
      HttpResponse<String> page = http.getAsAdmin("admin/migrations.xhtml");
      assertEquals(200, page.statusCode(), page.body());
      for (String id : ExpectedChangeSets.IDS) {
        assertTrue(page.body().contains("<td>" + id + "</td>"), id + " missing:\n" + page.body());
      }
      JsonObject startup = http.jsonAsAdmin("api/migrations/startup");
      StartupAssertions.migrationRanOnceBeforeThePersistenceUnitLoggedIn(startup);
      StartupAssertions.startupBeanReadEveryEntityThroughJpa(startup);
    }
  }
}
