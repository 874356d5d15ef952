package com.migochat.web.serving;

import com.migochat.migrations.runner.MigrationException;
import com.migochat.migrations.runner.UpgradeResult;
import com.migochat.migrations.startup.MigrationOutcome;
import com.migochat.migrations.startup.SchemaMigrator;
import com.migochat.web.admin.SchemaOverviews;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * MicroProfile Metrics of the migration, at {@code /metrics?scope=application}: how long this
 * deployment's startup migration took, how many changesets it applied, whether it failed, and how
 * many changesets are pending now (read from the database at each scrape; NaN when it cannot be
 * read).
 */
@ApplicationScoped
public class MigrationMetrics {

  @Inject MetricRegistry registry;

  @EJB SchemaMigrator schemaMigrator;

  @Inject SchemaOverviews overviews;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    gauge(
        "migochat.migration.duration",
        "How long this deployment's startup migration took, the check included",
        MetricUnits.SECONDS,
        m -> m.startup(result -> result.took().toNanos() / 1e9));
    gauge(
        "migochat.migration.applied",
        "Changesets this deployment's startup migration applied",
        MetricUnits.NONE,
        m -> m.startup(result -> (double) result.applied().size()));
    gauge(
        "migochat.migration.failed",
        "1 when this deployment's startup migration failed, else 0",
        MetricUnits.NONE,
        m -> m.schemaMigrator.outcome().schemaCurrent() ? 0.0 : 1.0);
    gauge(
        "migochat.migration.pending",
        "Changesets of the changelog the database has not run",
        MetricUnits.NONE,
        MigrationMetrics::pending);
  }

  private void gauge(
      String name, String description, String unit, Function<MigrationMetrics, Double> value) {
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(),
        this,
        value);
  }

  private double startup(Function<UpgradeResult, Double> measure) {
    MigrationOutcome outcome = schemaMigrator.outcome();
    return outcome.upgrade().map(measure).orElse(Double.NaN);
  }

  /**
   * Runs with the application's class loader as the thread's context class loader: Payara scrapes
   * on its own threads, where Liquibase would not find its services.
   */
  private double pending() {
    Thread thread = Thread.currentThread();
    ClassLoader scrapers = thread.getContextClassLoader();
    thread.setContextClassLoader(MigrationMetrics.class.getClassLoader());
    try {
      return overviews.current().pending().size();
    } catch (MigrationException e) {
      return Double.NaN;
    } finally {
      thread.setContextClassLoader(scrapers);
    }
  }
}
