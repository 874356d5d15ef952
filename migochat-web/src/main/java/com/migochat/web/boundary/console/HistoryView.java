package com.migochat.web.boundary.console;

import com.migochat.migrations.startup.SchemaMigrator;
import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.history.HistoryOrder;
import com.migochat.runner.history.HistoryPage;
import com.migochat.runner.history.HistoryQuery;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The console's history view, in {@code admin/migrations.xhtml}: one page of the history, which the
 * URL chooses ({@code page}, {@code size}, {@code sort}, {@code dir}, {@code q}), so every view of
 * it can be bookmarked and shared. The database pages, sorts and filters it: one page and one count
 * are read, however long the history.
 */
@Named
@RequestScoped
public class HistoryView {

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;

  @EJB SchemaMigrator schemaMigrator;

  private HistoryQuery query = HistoryQuery.newestFirst(0, DEFAULT_SIZE);
  private String queryProblem;
  private HistoryPage history = new HistoryPage(List.of(), 0, DEFAULT_SIZE, 0);
  private String problem;

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

  /** Reads the page again, e.g. after an action tagged the history. */
  void reload() {
    problem = null;
    try {
      history = schemaMigrator.runner().history(query);
    } catch (MigrationException e) {
      problem = e.getMessage();
    }
  }

  /** Why the history could not be read, or null. */
  public String getProblem() {
    return problem;
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
}
