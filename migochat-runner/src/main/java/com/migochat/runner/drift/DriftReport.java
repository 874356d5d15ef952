package com.migochat.runner.drift;

import java.time.Duration;
import java.util.List;

/**
 * How the live schema differs from what its applied changesets build.
 *
 * @param appliedChangeSets how many applied changesets the scratch database was built from
 * @param differences one line per difference (table, column, type, nullability, key, index,
 *     constraint), naming where it is; empty when nobody changed the schema by hand
 * @param changes Liquibase changes, as changelog XML, that would bring the live schema back to what
 *     the changesets built (or, read the other way, record a hand change as a changeset)
 * @param took how long the check took
 */
public record DriftReport(
    int appliedChangeSets, List<String> differences, List<String> changes, Duration took) {

  public DriftReport {
    differences = List.copyOf(differences);
    changes = List.copyOf(changes);
  }

  /** Whether the live schema differs from what its applied changesets build. */
  public boolean drifted() {
    return !differences.isEmpty();
  }
}
