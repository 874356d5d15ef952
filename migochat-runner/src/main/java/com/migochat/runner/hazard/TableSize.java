package com.migochat.runner.hazard;

/**
 * How big a table is now.
 *
 * @param rows the row estimate; -1 when unknown (not PostgreSQL)
 * @param bytes {@code pg_total_relation_size}: table, indexes and TOAST; -1 when unknown
 * @param countedUpTo whether {@code rows} comes from counting a table never analysed, stopped one
 *     past the threshold: then the table has at least that many rows
 */
public record TableSize(long rows, long bytes, boolean countedUpTo) {

  static final TableSize UNKNOWN = new TableSize(-1, -1, false);
  static final TableSize ABSENT = new TableSize(0, 0, false);

  public boolean known() {
    return rows >= 0;
  }

  /** {@code about 1200 rows}, {@code over 100 rows (not analysed yet)}, or {@code size unknown}. */
  public String describe() {
    if (!known()) {
      return "size unknown";
    }
    return countedUpTo
        ? "over " + (rows - 1) + " rows (not analysed yet)"
        : "about " + rows + " rows";
  }
}
