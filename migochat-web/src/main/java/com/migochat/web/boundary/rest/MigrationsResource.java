package com.migochat.web.boundary.rest;

import com.migochat.migrations.instances.DeployedInstance;
import com.migochat.migrations.startup.EntityCheckResult;
import com.migochat.migrations.startup.MigrationOutcome;
import com.migochat.migrations.startup.SchemaMigrator;
import com.migochat.migrations.startup.StartupTimeline;
import com.migochat.runner.changeset.ChangeSetDetails;
import com.migochat.runner.drift.DriftReport;
import com.migochat.runner.history.HistoryPage;
import com.migochat.runner.history.HistoryQuery;
import com.migochat.runner.lock.LockReport;
import com.migochat.web.control.serving.ApplicationReadiness;
import com.migochat.web.control.serving.SchemaOverviewCache;
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

  @Inject SchemaOverviewCache overviews;

  @GET
  @Path("status")
  public SchemaStatus status() {
    return SchemaStatus.of(overviews.current());
  }

  /**
   * {@code GET /api/migrations/history?page=0&size=50&sort=executed&dir=desc&q=text}: one page of
   * the history, filtered and sorted by the database and read as one page however long the history
   * is (at most {@value #MAX_PAGE_SIZE} rows), with the {@code total} of matching rows. {@code
   * sort}: executed, order, id, author, file, exec-type, tag, deployment; {@code q}: text looked
   * for in id, author, file, exec type, checksum, description, comment, tag and deployment id.
   */
  @GET
  @Path("history")
  public HistoryPage history(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size,
      @QueryParam("sort") String sort,
      @QueryParam("dir") String direction,
      @QueryParam("q") String filter) {
    PageRequest.check(page, size, MAX_PAGE_SIZE);
    HistoryQuery query;
    try {
      query = HistoryQuery.of(page, size, sort, direction, filter);
    } catch (IllegalArgumentException e) {
      throw PageRequest.badRequest(e.getMessage());
    }
    return schemaMigrator.runner().history(query);
  }

  /** The pending changesets in the order they would run, each with its SQL and its rollback's. */
  @GET
  @Path("pending")
  public List<ChangeSetDetails> pending() {
    return overviews.current().pending();
  }

  /**
   * The lock hazards of the pending changesets, each with its rule, changeset, file and line, table
   * and row estimate, severity, lock, what it blocks and the safe rewrite; and the threshold.
   */
  @GET
  @Path("hazards")
  public HazardsReply hazards() {
    return HazardsReply.of(overviews.current().hazards());
  }

  /** The migration lock: free, or who holds it since when and whether that process still runs. */
  /**
   * {@code GET /api/migrations/drift}: schema changes made by hand, outside migrations: the live
   * schema against a scratch database built from exactly the applied changesets. Builds and drops
   * that database on each call, so it takes seconds: a check to run, not to poll.
   */
  @GET
  @Path("drift")
  public DriftReport drift() {
    return schemaMigrator.drift();
  }

  @GET
  @Path("lock")
  public LockReport lock() {
    return schemaMigrator.runner().lock();
  }

  /**
   * The instances registered on this database, alive or gone, oldest first: release, host,
   * heartbeat age, migration progress and mapping; {@code self} marks the one that answers.
   */
  @GET
  @Path("instances")
  public List<InstanceReply> instances() {
    String self = DeployedInstance.id().orElse("");
    return schemaMigrator.runner().instances().all().stream()
        .map(state -> InstanceReply.of(state, self))
        .toList();
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
        outcome.problem(),
        entities.rowCounts(),
        entities.problem());
  }
}
