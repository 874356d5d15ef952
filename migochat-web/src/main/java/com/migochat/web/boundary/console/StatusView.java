package com.migochat.web.boundary.console;

import com.migochat.migrations.startup.MigrationOutcome;
import com.migochat.migrations.startup.SchemaMigrator;
import com.migochat.migrations.startup.StartupEvent;
import com.migochat.migrations.startup.StartupTimeline;
import com.migochat.model.EntityRowCounts;
import com.migochat.runner.changeset.ChangeSetDetails;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.changeset.ChangeSetTiming;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.hazard.HazardFinding;
import com.migochat.runner.status.SchemaOverview;
import com.migochat.runner.validation.ValidationFinding;
import com.migochat.web.control.serving.ApplicationReadiness;
import com.migochat.web.control.serving.SchemaOverviewCache;
import com.migochat.web.security.ConsoleRole;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The console's status view, in {@code admin/migrations.xhtml}: who is looking, the schema's
 * version, the lock, the pending changesets, the drift, and how this deployment's migration went.
 * Per request it reads the cached {@link SchemaOverview} once and the lock; the history is {@link
 * HistoryView}'s.
 */
@Named
@RequestScoped
public class StatusView {

  static final int DRIFT_SHOWN = 50;

  @EJB SchemaMigrator schemaMigrator;

  @Inject ApplicationReadiness readiness;

  @Inject SchemaOverviewCache overviews;

  @PersistenceContext(unitName = "migochat")
  EntityManager entityManager;

  private SchemaOverview overview;
  private List<ValidationFinding> drift = List.of();
  private Set<ChangeSetRef> withoutRollback = Set.of();
  private String problem;
  private Map<String, Long> rowCounts = Map.of();
  private String lock = "unknown: the database could not be read";

  /** Reads everything again, e.g. after an action changed the history or the lock. */
  @PostConstruct
  void reload() {
    problem = null;
    try {
      overview = overviews.current();
      drift = overview.drift();
      withoutRollback = overview.withoutRollback();
      lock = LockDescription.of(schemaMigrator.runner().lock());
    } catch (MigrationException e) {
      problem = e.getMessage();
    }
    if (readiness.ready()) {
      rowCounts = EntityRowCounts.of(entityManager);
    }
  }

  public boolean isAdmin() {
    return externalContext().isUserInRole(ConsoleRole.ADMIN.roleName());
  }

  public String getUser() {
    return externalContext().getRemoteUser();
  }

  private static ExternalContext externalContext() {
    return FacesContext.getCurrentInstance().getExternalContext();
  }

  /** Why the status could not be read, or null. */
  public String getProblem() {
    return problem;
  }

  public ChangeSetRun getCurrent() {
    return overview == null ? null : overview.current();
  }

  public String getLatestTag() {
    return overview == null || overview.latestTag() == null ? "none" : overview.latestTag();
  }

  public boolean isAtHead() {
    return overview != null && overview.atHead();
  }

  public long getApplied() {
    return overview == null ? 0 : overview.applied();
  }

  public List<ChangeSetDetails> getPending() {
    return overview == null ? List.of() : overview.pending();
  }

  /** The lock hazards of the pending changesets, blocking ones included. */
  public List<HazardFinding> getHazards() {
    return overview == null ? List.of() : overview.hazards().findings();
  }

  public long getHazardRows() {
    return overview == null ? 0 : overview.hazards().thresholdRows();
  }

  /** The migration lock in words: free, or who holds it, since when, and whether it still runs. */
  public String getLock() {
    return lock;
  }

  /** Disagreements between the changelog and the history, at most {@value #DRIFT_SHOWN}. */
  /** The first findings, by kind in the order of {@link ValidationFinding.Kind}: edits first. */
  public List<ValidationFinding> getDrift() {
    return drift.stream()
        .sorted(Comparator.comparing(ValidationFinding::kind))
        .limit(DRIFT_SHOWN)
        .toList();
  }

  public int getDriftCount() {
    return drift.size();
  }

  /** The changelog's changesets that cannot be rolled back. */
  public List<ValidationFinding> getWithoutRollback() {
    return overview == null
        ? List.of()
        : overview.validation().findings().stream()
            .filter(finding -> finding.kind() == ValidationFinding.Kind.NO_ROLLBACK)
            .toList();
  }

  /** Whether this applied changeset cannot be rolled back: flagged in the history. */
  public boolean cannotRollBack(ChangeSetRun run) {
    return withoutRollback.contains(run.changeSet());
  }

  public String getNotServingReason() {
    return readiness.reasonNotToServe().orElse(null);
  }

  public MigrationOutcome getStartup() {
    return schemaMigrator.outcome();
  }

  /** How long each changeset took in this deployment's startup migration, in the order they ran. */
  public List<ChangeSetTiming> getStartupTimings() {
    return schemaMigrator.outcome().upgrade().map(result -> result.timings()).orElse(List.of());
  }

  public List<StartupEvent> getTimeline() {
    return StartupTimeline.events();
  }

  public List<Map.Entry<String, Long>> getRowCounts() {
    return new ArrayList<>(rowCounts.entrySet());
  }
}
