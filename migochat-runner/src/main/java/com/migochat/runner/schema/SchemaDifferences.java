package com.migochat.runner.schema;

import java.util.List;

/**
 * How one schema differs from another.
 *
 * @param differences one line per difference, naming the object and where it is
 * @param changes Liquibase changes, as changelog XML elements, that make the compared schema like
 *     the reference
 */
public record SchemaDifferences(List<String> differences, List<String> changes) {

  public SchemaDifferences {
    differences = List.copyOf(differences);
    changes = List.copyOf(changes);
  }

  public boolean none() {
    return differences.isEmpty();
  }
}
