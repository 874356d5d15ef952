package com.migochat.web.boundary.serving;

import com.migochat.web.control.serving.ApplicationReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * MicroProfile liveness: UP while the process is sound, including when the migration failed or the
 * schema is behind. Restarting would not fix those (readiness says why); an orchestrator that
 * restarted on them would only loop.
 */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {

  @Inject ApplicationReadiness readiness;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("migochat-process")
        .up()
        .withData("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
        .withData("serving", readiness.ready())
        .build();
  }
}
