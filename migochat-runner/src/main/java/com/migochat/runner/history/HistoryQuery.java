package com.migochat.runner.history;

/**
 * Which page of the history to read: its number and size, its order, and an optional text that
 * every row shown must contain (case-insensitively) in its id, author, file, exec type, checksum,
 * description, comment, tag or deployment id.
 *
 * @param page the page number, from 0
 * @param size rows per page, from 1
 * @param order the column to sort by
 * @param ascending oldest or smallest first, instead of newest or largest first
 * @param filter the text to look for, or empty for every row
 */
public record HistoryQuery(
    int page, int size, HistoryOrder order, boolean ascending, String filter) {

  public HistoryQuery {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException(
          "Cannot read page " + page + " of size " + size + ": pages start at 0, sizes at 1");
    }
    filter = filter == null ? "" : filter.strip();
  }

  /**
   * The query a URL or command spells: {@code sort} an {@link HistoryOrder#key()} (default {@code
   * executed}), {@code direction} {@code asc} or {@code desc} (default {@code desc}).
   *
   * @throws IllegalArgumentException naming what cannot be read and what can
   */
  public static HistoryQuery of(int page, int size, String sort, String direction, String filter) {
    HistoryOrder order =
        sort == null || sort.isBlank() ? HistoryOrder.EXECUTED : HistoryOrder.parse(sort);
    boolean ascending;
    if (direction == null || direction.isBlank() || direction.equalsIgnoreCase("desc")) {
      ascending = false;
    } else if (direction.equalsIgnoreCase("asc")) {
      ascending = true;
    } else {
      throw new IllegalArgumentException(
          "Cannot sort the history '" + direction + "': the direction is asc or desc");
    }
    return new HistoryQuery(page, size, order, ascending, filter);
  }

  /** The newest rows first, unfiltered: what the console shows first. */
  public static HistoryQuery newestFirst(int page, int size) {
    return new HistoryQuery(page, size, HistoryOrder.EXECUTED, false, "");
  }

  long offset() {
    return (long) page * size;
  }
}
