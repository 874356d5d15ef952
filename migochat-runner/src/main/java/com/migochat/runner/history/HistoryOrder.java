package com.migochat.runner.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The columns the history can be sorted by, each with the name a URL or a command uses. */
public enum HistoryOrder {
  EXECUTED("DATEEXECUTED, ORDEREXECUTED"),
  ORDER("ORDEREXECUTED"),
  ID("ID"),
  AUTHOR("AUTHOR"),
  FILE("FILENAME"),
  EXEC_TYPE("EXECTYPE"),
  TAG("TAG"),
  DEPLOYMENT("DEPLOYMENT_ID");

  private final String columns;

  HistoryOrder(String columns) {
    this.columns = columns;
  }

  /**
   * The ORDER BY clause: its columns, then the execution order and the id where they are not among
   * them, so that ties are broken the same way on every page and pages never overlap.
   */
  String orderBy(boolean ascending) {
    String direction = ascending ? " ASC" : " DESC";
    List<String> sorted = new ArrayList<>(List.of(columns.split(", ")));
    for (String tieBreaker : List.of("ORDEREXECUTED", "ID")) {
      if (!sorted.contains(tieBreaker)) {
        sorted.add(tieBreaker);
      }
    }
    return String.join(direction + ", ", sorted) + direction;
  }

  /** Its name in URLs: {@code executed}, {@code exec-type}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The order a URL or command names, e.g. {@code exec-type}; says which exist otherwise. */
  public static HistoryOrder parse(String key) {
    for (HistoryOrder order : values()) {
      if (order.key().equalsIgnoreCase(key)) {
        return order;
      }
    }
    throw new IllegalArgumentException(
        "Cannot sort the history by '"
            + key
            + "': sort by one of "
            + Arrays.stream(values()).map(HistoryOrder::key).collect(Collectors.joining(", ")));
  }
}
