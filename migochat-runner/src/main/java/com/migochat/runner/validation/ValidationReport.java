package com.migochat.runner.validation;

import java.util.List;

/**
 * What {@code validate} found, in changelog order.
 *
 * @param findings every finding; empty for a clean changelog and history
 */
public record ValidationReport(List<ValidationFinding> findings) {

  public ValidationReport {
    findings = List.copyOf(findings);
  }

  /** Whether nothing stops a migration (findings that are only warnings may remain). */
  public boolean passed() {
    return findings.stream().noneMatch(finding -> finding.kind().blocking());
  }
}
