package com.migochat.web.boundary.serving;

import com.migochat.migrations.startup.MigrationOutcome;
import com.migochat.migrations.startup.SchemaMigrator;
import com.migochat.runner.upgrade.UpgradeResult;
import com.migochat.web.control.serving.SchemaOverviewCache;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * MicroProfile Metrics of the migration, at {@code /metrics?scope=application}: how long this
 * deployment's startup migration took, how many changesets it applied, whether it failed, and how
 * many changesets are pending. A scrape reads only memory: pending comes from the overview the
 * console computed last, refreshed in the background when older than 30 s (NaN before the first
 * one, or when the database could not be read), so scrapes neither query the database nor wait for
 * the console.
 *
 * <p>On a server with the API but no registry, it registers nothing ({@link ServerIntegrations}
 * says so); on one without the API this class does not load at all.
 */
@ApplicationScoped
public class MigrationMetrics {

  @Inject Instance<MetricRegistry> registries;

  @EJB SchemaMigrator schemaMigrator;

  @Inject SchemaOverviewCache overviews;

  /** Whether {@code beans} has a metric registry, so that the gauges are published. */
  static boolean published(BeanManager beans) {
    return !beans.getBeans(MetricRegistry.class).isEmpty();
  }

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (registries.isUnsatisfied()) {
      return;
    }
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
        "Changesets of the changelog the database has not run, as last seen (at most 30 s ago)",
        MetricUnits.NONE,
        m -> m.overviews.lastKnown().map(o -> (double) o.pending().size()).orElse(Double.NaN));
    // Starts computing the first overview now, in the background, so that early scrapes find it.
    overviews.lastKnown();
  }

  private void gauge(
      String name, String description, String unit, Function<MigrationMetrics, Double> value) {
    registries
        .get()
        .gauge(
            Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(),
            this,
            value);
  }

  private double startup(Function<UpgradeResult, Double> measure) {
    MigrationOutcome outcome = schemaMigrator.outcome();
    return outcome.upgrade().map(measure).orElse(Double.NaN);
  }
}
