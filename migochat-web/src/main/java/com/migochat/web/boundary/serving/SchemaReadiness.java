package com.migochat.web.boundary.serving;

import com.migochat.migrations.startup.SchemaMigrator;
import com.migochat.web.control.serving.ApplicationReadiness;
import com.migochat.web.control.serving.NotServing;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile readiness: UP only when the schema is at head and the entities match it. Anyone can
 * read it, so when DOWN it says only the stable code and the changeset: the database's words,
 * hosts, processes and SQL stay in the log and behind the console's login.
 */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

  @Inject ApplicationReadiness readiness;

  @EJB SchemaMigrator schemaMigrator;

  @Override
  public HealthCheckResponse call() {
    Optional<NotServing> notServing = readiness.notServing();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("migochat-schema").status(notServing.isEmpty());
    if (notServing.isPresent()) {
      response.withData("reason", notServing.get().publicReason());
      response.withData("error", notServing.get().code());
      if (notServing.get().changeSet() != null) {
        response.withData("changeSet", notServing.get().changeSet());
      }
      return response.build();
    }
    response.withData("reason", "schema at head");
    schemaMigrator
        .outcome()
        .upgrade()
        .ifPresent(
            result ->
                response
                    .withData("applied", result.applied().size())
                    .withData("tookMillis", result.took().toMillis()));
    return response.build();
  }
}
