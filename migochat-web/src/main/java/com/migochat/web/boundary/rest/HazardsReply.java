package com.migochat.web.boundary.rest;

import com.migochat.runner.hazard.HazardFinding;
import com.migochat.runner.hazard.HazardReport;
import java.util.List;

/**
 * {@code GET /api/migrations/hazards}: the lock hazards of the pending changesets, with each rule's
 * id, lock, what it blocks and its safe rewrite spelled out for scripts.
 *
 * @param thresholdRows the row estimate above which a hazard blocks the upgrade
 * @param passed whether no finding blocks it
 * @param findings every finding, in the order the changesets would run
 */
public record HazardsReply(long thresholdRows, boolean passed, List<Finding> findings) {

  /**
   * One finding; {@code rows} is -1 when the size is unknown, and a lower bound when {@code
   * sizeSource} is {@code COUNTED_UP_TO} (a table never analysed is counted only up to one past the
   * threshold); {@code size} says it in words.
   */
  public record Finding(
      String rule,
      String severity,
      String changeSet,
      String file,
      int line,
      String table,
      long rows,
      String sizeSource,
      String size,
      long bytes,
      String statement,
      String lock,
      String blocks,
      String rewrite,
      String optInLabel) {}

  static HazardsReply of(HazardReport report) {
    return new HazardsReply(
        report.thresholdRows(),
        report.passed(),
        report.findings().stream().map(HazardsReply::finding).toList());
  }

  private static Finding finding(HazardFinding finding) {
    return new Finding(
        finding.ruleId(),
        finding.severity().name(),
        finding.changeSet().id(),
        finding.file(),
        finding.line(),
        finding.table(),
        finding.size().rows(),
        finding.size().source().name(),
        finding.size().describe(),
        finding.size().bytes(),
        finding.statement(),
        finding.rule().lock(),
        finding.rule().blocks(),
        finding.rule().rewrite(),
        finding.rule().optInLabel());
  }
}
