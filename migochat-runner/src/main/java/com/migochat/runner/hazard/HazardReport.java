package com.migochat.runner.hazard;

import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lock hazards of the pending changesets, in the order they would run.
 *
 * @param findings every finding
 * @param thresholdRows the row estimate above which a hazard blocks ({@code
 *     migochat.migrations.hazard-rows})
 */
public record HazardReport(List<HazardFinding> findings, long thresholdRows) {

  public HazardReport {
    findings = List.copyOf(findings);
  }

  public List<HazardFinding> blocking() {
    return findings.stream()
        .filter(finding -> finding.severity() == HazardFinding.Severity.BLOCKING)
        .toList();
  }

  /** Whether nothing stops the upgrade. */
  public boolean passed() {
    return blocking().isEmpty();
  }

  /** Refuses the upgrade when a finding blocks it: nothing has run at that point. */
  public void refuseIfBlocking() {
    List<HazardFinding> blocking = blocking();
    if (blocking.isEmpty()) {
      return;
    }
    String labels =
        blocking.stream()
            .map(finding -> finding.changeSet().id() + ": " + finding.rule().optInLabel())
            .distinct()
            .collect(Collectors.joining(", "));
    throw MigrationException.because(
        MigrationError.LOCK_HAZARD,
        blocking.get(0).changeSet(),
        "nothing was migrated: "
            + blocking.size()
            + " lock hazard(s) on tables above "
            + thresholdRows
            + " rows: "
            + blocking.stream().map(HazardFinding::describe).collect(Collectors.joining(" | ")),
        "rewrite the changeset as each finding's safe rewrite says (a changeset that has not run"
            + " anywhere may still be edited), or, if the lock is acceptable (a maintenance"
            + " window), opt in by adding the label to the changeset ("
            + labels
            + "); 'migochat lint' lists the findings",
        null);
  }
}
