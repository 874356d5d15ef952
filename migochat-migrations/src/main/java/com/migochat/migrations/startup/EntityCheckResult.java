package com.migochat.migrations.startup;

import java.util.Map;
import java.util.Optional;

/**
 * What the startup entity check found. As in {@link MigrationOutcome}, {@link #failure()} says
 * whether and why it failed, and {@link #problem()} is the same reason or null.
 *
 * @param rowCounts rows per entity, read through JPA on the migrated schema
 * @param problem why the entities could not be read, or null when they all could
 */
public record EntityCheckResult(Map<String, Long> rowCounts, String problem) {

  public EntityCheckResult {
    rowCounts = Map.copyOf(rowCounts);
  }

  public boolean entitiesMatchSchema() {
    return problem == null;
  }

  public Optional<String> failure() {
    return Optional.ofNullable(problem);
  }
}
