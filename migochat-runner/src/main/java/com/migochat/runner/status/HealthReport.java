package com.migochat.runner.status;

import com.migochat.runner.lock.LockState;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code health} found.
 *
 * @param version the schema version
 * @param lock the migration lock
 * @param rowCounts rows per application table, by table name
 * @param problems what makes the database unhealthy; empty when it is healthy
 */
public record HealthReport(
    CurrentVersion version, LockState lock, Map<String, Long> rowCounts, List<String> problems) {

  public HealthReport {
    rowCounts = Collections.unmodifiableMap(new TreeMap<>(rowCounts));
    problems = List.copyOf(problems);
  }

  public boolean healthy() {
    return problems.isEmpty();
  }
}
