package com.migochat.runner.hazard;

/**
 * How big a table is now.
 *
 * @param rows the row estimate; -1 when unknown (not PostgreSQL)
 * @param bytes {@code pg_total_relation_size}: table, indexes and TOAST; -1 when unknown
 */
public record TableSize(long rows, long bytes) {

  static final TableSize UNKNOWN = new TableSize(-1, -1);
  static final TableSize ABSENT = new TableSize(0, 0);

  public boolean known() {
    return rows >= 0;
  }
}
