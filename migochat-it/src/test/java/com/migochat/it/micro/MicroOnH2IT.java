package com.migochat.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.it.support.ArquillianMicro;
import com.migochat.it.support.Deployments;
import com.migochat.it.support.Http;
import com.migochat.it.support.MicroDatabase;
import com.migochat.it.support.StartupAssertions;
import com.migochat.runner.testing.ExpectedChangeSets;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real Micro WAR on Payara Micro (Arquillian) on an H2 file database, Payara's own H2. */
@ExtendWith(MicroDatabase.H2.class)
@ExtendWith(ArquillianExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MicroOnH2IT {

  private final Http http = new Http(ArquillianMicro.url("migochat/"));

  @Deployment(testable = false)
  static WebArchive migochat() {
    return Deployments.migochatWar();
  }

  @Test
  void everyChangeSetIsAppliedBeforeThePersistenceUnitLogsIn() {
    JsonObject startup = http.jsonAsAdmin("api/migrations/startup");

    assertEquals(ExpectedChangeSets.IDS, StartupAssertions.appliedIds(startup));
    StartupAssertions.migrationRanOnceBeforeThePersistenceUnitLoggedIn(startup);
    StartupAssertions.startupBeanReadEveryEntityThroughJpa(startup);
  }

  @Test
  void theAdminPageShowsTheVersionAndRowsReadThroughJpa() {
    assertTrue(http.sendsToLogin("admin/migrations.xhtml"));

    HttpResponse<String> page = http.getAsAdmin("admin/migrations.xhtml");

    assertEquals(200, page.statusCode(), page.body());
    assertTrue(
        page.body()
            .contains(
                "<dd id=\"current-version\">"
                    + ExpectedChangeSets.IDS.get(ExpectedChangeSets.IDS.size() - 1)
                    + "</dd>"),
        page.body());
    assertTrue(page.body().contains("<td>User</td><td>0</td>"), page.body());
  }
}
