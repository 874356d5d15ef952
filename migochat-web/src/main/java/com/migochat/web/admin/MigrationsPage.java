package com.migochat.web.admin;

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
import com.migochat.runner.history.HistoryOrder;
import com.migochat.runner.history.HistoryPage;
import com.migochat.runner.history.HistoryQuery;
import com.migochat.runner.lock.LockReport;
import com.migochat.runner.status.SchemaOverview;
import com.migochat.runner.validation.ValidationFinding;
import com.migochat.web.security.ConsoleRole;
import com.migochat.web.serving.ApplicationReadiness;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backs {@code admin/migrations.xhtml}. Per request it reads the {@link SchemaOverview} once and
 * one page of the history, which the URL chooses ({@code page}, {@code size}, {@code sort}, {@code
 * dir}, {@code q}), so every view of the console can be bookmarked and shared.
 */
@Named("migrations")
@RequestScoped
public class MigrationsPage {

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;

  @EJB SchemaMigrator schemaMigrator;

  @Inject ApplicationReadiness readiness;

  @Inject SchemaOverviews overviews;

  @PersistenceContext(unitName = "migochat")
  EntityManager entityManager;

  private HistoryQuery query = HistoryQuery.newestFirst(0, DEFAULT_SIZE);
  private String queryProblem;
  private SchemaOverview overview;
  private List<ValidationFinding> drift = List.of();
  private Set<ChangeSetRef> withoutRollback = Set.of();
  private HistoryPage history = new HistoryPage(List.of(), 0, DEFAULT_SIZE, 0);
  private String statusProblem;
  private Map<String, Long> rowCounts = Map.of();
  private String lock = "unknown: the database could not be read";

  @PostConstruct
  void load() {
    Map<String, String> parameters =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    try {
      query =
          HistoryQuery.of(
              Math.max(0, number(parameters.get("page"), 0)),
              Math.min(MAX_SIZE, Math.max(1, number(parameters.get("size"), DEFAULT_SIZE))),
              parameters.get("sort"),
              parameters.get("dir"),
              parameters.get("q"));
    } catch (IllegalArgumentException e) {
      queryProblem = e.getMessage();
    }
    reload();
  }

  private static int number(String text, int otherwise) {
    try {
      return text == null || text.isBlank() ? otherwise : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  /** Reads everything again, e.g. after an action changed the history or the lock. */
  void reload() {
    statusProblem = null;
    try {
      overview = overviews.current();
      drift = overview.drift();
      withoutRollback = overview.withoutRollback();
      history = schemaMigrator.runner().history(query);
      lock = describe(schemaMigrator.runner().lock());
    } catch (MigrationException e) {
      statusProblem = e.getMessage();
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

  /** Disagreements between the changelog and the history, at most 50 of them. */
  public List<ValidationFinding> getDrift() {
    return drift.stream().limit(50).toList();
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

  /** Whether this applied changeset cannot be rolled back. */
  public boolean cannotRollBack(ChangeSetRun run) {
    return withoutRollback.contains(run.changeSet());
  }

  public List<ChangeSetRun> getHistory() {
    return history.runs();
  }

  public long getHistoryTotal() {
    return history.total();
  }

  public int getPageNumber() {
    return query.page() + 1;
  }

  public long getPageCount() {
    return Math.max(1, (history.total() + query.size() - 1) / query.size());
  }

  public boolean isFirstPage() {
    return query.page() == 0;
  }

  public boolean isLastPage() {
    return query.page() + 1 >= getPageCount();
  }

  public String getFilter() {
    return query.filter();
  }

  public String getSortKey() {
    return query.order().key();
  }

  public String getDirection() {
    return query.ascending() ? "asc" : "desc";
  }

  public int getPageSize() {
    return query.size();
  }

  public String getQueryProblem() {
    return queryProblem;
  }

  /** The address of page {@code index} (from 0) of the history, in the current order and filter. */
  public String pageUrl(long index) {
    return ConsoleUrl.history(
        index, query.size(), query.order().key(), query.ascending(), query.filter());
  }

  public String getPreviousPageUrl() {
    return pageUrl(Math.max(0, query.page() - 1));
  }

  public String getNextPageUrl() {
    return pageUrl(Math.min(getPageCount() - 1, query.page() + 1));
  }

  public String getLastPageUrl() {
    return pageUrl(getPageCount() - 1);
  }

  /**
   * The address that sorts by {@code key}: ascending first, or the other way round when the history
   * is already sorted by it.
   */
  public String sortUrl(String key) {
    HistoryOrder order = HistoryOrder.parse(key);
    boolean ascending =
        order == query.order() ? !query.ascending() : order != HistoryOrder.EXECUTED;
    return ConsoleUrl.history(0, query.size(), order.key(), ascending, query.filter());
  }

  /** {@code ascending}, {@code descending} or {@code none}: for the column header's aria-sort. */
  public String sortState(String key) {
    if (HistoryOrder.parse(key) != query.order()) {
      return "none";
    }
    return query.ascending() ? "ascending" : "descending";
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
          case "DEAD" -> "gone: stale, the next migration or 'Release stale lock' frees it";
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
