package com.migochat.migrations.runner;

import java.util.Arrays;
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

  /** The ORDER BY clause, with the execution order breaking ties so pages never overlap. */
  String orderBy(boolean ascending) {
    String direction = ascending ? " ASC" : " DESC";
    return String.join(direction + ", ", columns.split(", "))
        + direction
        + ", ORDEREXECUTED"
        + direction
        + ", ID"
        + direction;
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
