package com.migochat.runner.offline;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The database types an offline script can be written for, by Liquibase's name for each. */
public enum OfflineDialect {
  POSTGRESQL("postgresql"),
  H2("h2");

  private final String shortName;

  OfflineDialect(String shortName) {
    this.shortName = shortName;
  }

  /** Liquibase's name of the database type, as in {@code offline:postgresql}. */
  public String shortName() {
    return shortName;
  }

  /** Reads {@code postgresql} or {@code h2}, in any case. */
  public static OfflineDialect of(String name) {
    return Arrays.stream(values())
        .filter(dialect -> dialect.shortName.equals(name.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no offline scripts for '"
                        + name
                        + "': give one of "
                        + Arrays.stream(values())
                            .map(OfflineDialect::shortName)
                            .collect(Collectors.joining(", "))));
  }

  @Override
  public String toString() {
    return shortName;
  }
}
