package com.migochat.web.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** MicroProfile readiness: UP only when the schema is at head and the entities match it. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

  @Inject ApplicationReadiness readiness;

  @Override
  public HealthCheckResponse call() {
    Optional<String> reason = readiness.reasonNotToServe();
    return HealthCheckResponse.named("migochat-schema")
        .status(reason.isEmpty())
        .withData("reason", reason.orElse("schema at head"))
        .build();
  }
}
