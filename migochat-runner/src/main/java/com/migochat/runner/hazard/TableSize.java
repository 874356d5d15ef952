package com.migochat.runner.hazard;

/**
 * How big a table is now.
 *
 * @param rows the row estimate (a lower bound when {@link Source#COUNTED_UP_TO}); -1 when unknown
 * @param bytes {@code pg_total_relation_size}: table, indexes and TOAST; -1 when unknown
 * @param source where the figure comes from
 */
public record TableSize(long rows, long bytes, Source source) {

  /** Where a table's size comes from. */
  public enum Source {
    /** The planner's estimate: {@code pg_class.reltuples} scaled to the current pages. */
    ESTIMATE,
    /** Never analysed: its rows counted, stopping one past the threshold. */
    COUNTED_UP_TO,
    /** The changeset creates the table: exempt. */
    CREATED_BY_CHANGESET,
    /** The table does not exist yet (an earlier pending changeset creates it). */
    ABSENT,
    /** Not PostgreSQL, or no table named: the size is not known. */
    UNKNOWN
  }

  static final TableSize UNKNOWN = new TableSize(-1, -1, Source.UNKNOWN);
  static final TableSize ABSENT = new TableSize(0, 0, Source.ABSENT);
  static final TableSize CREATED = new TableSize(0, 0, Source.CREATED_BY_CHANGESET);

  public boolean known() {
    return rows >= 0;
  }

  /** How the console, the log and the command line show it. */
  public String describe() {
    return switch (source) {
      case ESTIMATE -> "about " + rows + " rows";
      case COUNTED_UP_TO -> rows + " rows or more (not analysed yet)";
      case CREATED_BY_CHANGESET -> "created by this changeset";
      case ABSENT -> "not there yet";
      case UNKNOWN -> "size unknown";
    };
  }
}
