package com.migochat.web.serving;

import com.migochat.migrations.startup.MigrationOutcome;
import com.migochat.migrations.startup.SchemaMigrator;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** MicroProfile readiness: UP only when the schema is at head and the entities match it. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

  @Inject ApplicationReadiness readiness;

  @EJB SchemaMigrator schemaMigrator;

  @Override
  public HealthCheckResponse call() {
    Optional<String> reason = readiness.reasonNotToServe();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("migochat-schema")
            .status(reason.isEmpty())
            .withData("reason", reason.orElse("schema at head"));
    MigrationOutcome outcome = schemaMigrator.outcome();
    outcome
        .upgrade()
        .ifPresent(
            result ->
                response
                    .withData("applied", result.applied().size())
                    .withData("tookMillis", result.took().toMillis()));
    outcome
        .problem()
        .ifPresent(
            failure -> {
              response
                  .withData("error", failure.error().name())
                  .withData("action", failure.action());
              if (failure.changeSet() != null) {
                response.withData("changeSet", failure.changeSet().id());
              }
            });
    return response.build();
  }
}
