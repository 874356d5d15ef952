package com.migochat.web.control;

import java.util.Optional;

/**
 * Where page {@code page} of {@code size} rows starts, in JPA's int, or empty when it starts past
 * the last row or beyond what JPA can address: a huge page number is an empty page, never an
 * overflow into a 500.
 */
public final class PageWindow {

  private PageWindow() {}

  /** The first row of the page, or empty when the page holds no row of {@code total}. */
  public static Optional<Integer> firstRow(int page, int size, long total) {
    long first = (long) page * size;
    return first >= total || first > Integer.MAX_VALUE
        ? Optional.empty()
        : Optional.of((int) first);
  }
}
