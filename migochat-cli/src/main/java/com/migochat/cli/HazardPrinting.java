package com.migochat.cli;

import com.migochat.runner.hazard.HazardFinding;
import com.migochat.runner.hazard.HazardReport;
import java.io.PrintWriter;

/** The lock hazards as {@code lint} and {@code validate} print them for people. */
final class HazardPrinting {

  private HazardPrinting() {}

  static void print(PrintWriter out, HazardReport report) {
    if (report.findings().isEmpty()) {
      out.println("No lock hazards in the pending changesets.");
      return;
    }
    for (HazardFinding finding : report.findings()) {
      String table =
          finding.table() == null
              ? ""
              : " on " + finding.table() + " (" + finding.size().describe() + ")";
      out.printf(
          "%-13s %s%s%n    changeset %s at %s%n    %s%n    lock: %s; blocks %s%n    safe rewrite: %s%n",
          finding.severity(),
          finding.ruleId(),
          table,
          finding.changeSet().id(),
          finding.location(),
          finding.statement(),
          finding.rule().lock(),
          finding.rule().blocks(),
          finding.rule().rewrite());
    }
    if (!report.passed()) {
      out.printf(
          "%d blocking: upgrade refuses to run them on tables above %d rows. Rewrite each as"
              + " suggested, or opt in with labels=\"allow-hazard:<rule-id>\" on the changeset.%n",
          report.blocking().size(), report.thresholdRows());
    }
  }
}
