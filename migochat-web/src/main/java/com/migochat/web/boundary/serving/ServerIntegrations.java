package com.migochat.web.boundary.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Says once, when the application starts, which MicroProfile integration this server lacks and what
 * is off because of it. The application deploys, migrates and serves its console and REST API
 * without them: GlassFish 7 has no MicroProfile Health or Metrics, WildFly's full profile no
 * Metrics. (A missing MicroProfile Config is told by the settings, which fall back to system
 * properties and environment variables.) The API classes are named, never referenced, so that this
 * class loads where they are missing.
 */
@ApplicationScoped
public class ServerIntegrations {

  private static final Logger LOG = Logger.getLogger(ServerIntegrations.class.getName());

  static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";
  static final String METRICS_API = "org.eclipse.microprofile.metrics.MetricRegistry";

  @Inject BeanManager beans;

  void report(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (!loads(HEALTH_API)) {
      LOG.info(
          "MicroProfile Health is off: this server has no MicroProfile Health API ("
              + HEALTH_API
              + " not found), so /health/ready and /health/live are not served. Whether the"
              + " schema is current is still on the console and at"
              + " /migochat/api/migrations/startup (schemaCurrent), and the application answers"
              + " 503 while it is not.");
    }
    if (!loads(METRICS_API)) {
      LOG.info(
          "MicroProfile Metrics is off: this server has no MicroProfile Metrics API ("
              + METRICS_API
              + " not found), so the migochat_migration_* gauges are not published. The"
              + " migration's figures are on the console and at /migochat/api/migrations/startup.");
    } else if (!MigrationMetrics.published(beans)) {
      LOG.info(
          "MicroProfile Metrics is off: this server has the MicroProfile Metrics API but no"
              + " MetricRegistry to register with, so the migochat_migration_* gauges are not"
              + " published. The migration's figures are on the console and at"
              + " /migochat/api/migrations/startup.");
    }
  }

  private static boolean loads(String className) {
    try {
      Class.forName(className, false, ServerIntegrations.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
