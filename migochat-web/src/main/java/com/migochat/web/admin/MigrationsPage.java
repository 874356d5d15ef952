package com.migochat.web.admin;

import com.migochat.migrations.runner.ChangeSetRef;
import com.migochat.migrations.runner.ChangeSetRun;
import com.migochat.migrations.runner.LockReport;
import com.migochat.migrations.runner.MigrationException;
import com.migochat.migrations.runner.StatusReport;
import com.migochat.migrations.startup.MigrationOutcome;
import com.migochat.migrations.startup.SchemaMigrator;
import com.migochat.migrations.startup.StartupEvent;
import com.migochat.migrations.startup.StartupTimeline;
import com.migochat.model.EntityRowCounts;
import com.migochat.web.serving.ApplicationReadiness;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/** Backs {@code admin/migrations.xhtml}: reads the status once per request. */
@Named("migrations")
@RequestScoped
public class MigrationsPage {

  @EJB SchemaMigrator schemaMigrator;

  @Inject ApplicationReadiness readiness;

  @PersistenceContext(unitName = "migochat")
  EntityManager entityManager;

  private StatusReport status = new StatusReport(List.of(), List.of());
  private String statusProblem;
  private Map<String, Long> rowCounts = Map.of();
  private String lock = "unknown: the database could not be read";

  @PostConstruct
  void load() {
    try {
      status = schemaMigrator.runner().status();
      lock = describe(schemaMigrator.runner().lock());
    } catch (MigrationException e) {
      statusProblem = e.getMessage();
    }
    if (readiness.ready()) {
      rowCounts = EntityRowCounts.of(entityManager);
    }
  }

  public ChangeSetRun getCurrent() {
    return status.current().orElse(null);
  }

  public String getLatestTag() {
    return status.latestTag().orElse("none");
  }

  public boolean isAtHead() {
    return status.atHead();
  }

  public List<ChangeSetRef> getPending() {
    return status.pending();
  }

  public List<ChangeSetRun> getHistory() {
    return status.history();
  }

  /** The migration lock in words: free, or who holds it, since when, and whether it still runs. */
  public String getLock() {
    return lock;
  }

  private static String describe(LockReport report) {
    if (!report.state().locked()) {
      return "free";
    }
    String holder =
        switch (report.holder()) {
          case "ALIVE" -> "still running";
          case "DEAD" -> "gone: the next migration releases the lock";
          default -> "cannot be checked from here";
        };
    return "held by "
        + report.state().lockedBy()
        + " since "
        + report.state().since()
        + " ("
        + holder
        + ")";
  }

  public String getStatusProblem() {
    return statusProblem;
  }

  public String getNotServingReason() {
    return readiness.reasonNotToServe().orElse(null);
  }

  public MigrationOutcome getStartup() {
    return schemaMigrator.outcome();
  }

  public List<StartupEvent> getTimeline() {
    return StartupTimeline.events();
  }

  public List<Map.Entry<String, Long>> getRowCounts() {
    return List.copyOf(rowCounts.entrySet());
  }
}
