package com.migochat.web.api;

import com.migochat.migrations.runner.HistoryPage;
import com.migochat.migrations.runner.LockReport;
import com.migochat.migrations.runner.StatusReport;
import com.migochat.migrations.startup.EntityCheckResult;
import com.migochat.migrations.startup.MigrationOutcome;
import com.migochat.migrations.startup.SchemaMigrator;
import com.migochat.migrations.startup.StartupTimeline;
import com.migochat.web.serving.ApplicationReadiness;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /api/migrations}: the migration console's data as JSON. */
@Path("migrations")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class MigrationsResource {

  static final int MAX_PAGE_SIZE = 500;

  @EJB SchemaMigrator schemaMigrator;

  @Inject ApplicationReadiness readiness;

  @GET
  @Path("status")
  public StatusView status() {
    StatusReport report = schemaMigrator.runner().status();
    return new StatusView(
        report.current().orElse(null),
        report.latestTag().orElse(null),
        report.atHead(),
        report.pending(),
        report.history());
  }

  /**
   * {@code GET /api/migrations/history?page=0&size=50}: one page of the history, newest first, read
   * as one page from the database however long the history is (at most {@value #MAX_PAGE_SIZE}
   * rows).
   */
  @GET
  @Path("history")
  public HistoryPage history(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    PageRequest.check(page, size, MAX_PAGE_SIZE);
    return schemaMigrator.runner().history(page, size);
  }

  /** The migration lock: free, or who holds it since when and whether that process still runs. */
  @GET
  @Path("lock")
  public LockReport lock() {
    return schemaMigrator.runner().lock();
  }

  @GET
  @Path("startup")
  public StartupReport startup() {
    MigrationOutcome outcome = schemaMigrator.outcome();
    EntityCheckResult entities = readiness.entityCheck();
    return new StartupReport(
        StartupTimeline.events(),
        outcome.trigger(),
        outcome.schemaCurrent(),
        outcome.upgrade().map(u -> u.applied()).orElse(List.of()),
        outcome.upgrade().map(u -> u.took().toMillis()).orElse(null),
        outcome.failure(),
        entities.rowCounts(),
        entities.problem());
  }
}
