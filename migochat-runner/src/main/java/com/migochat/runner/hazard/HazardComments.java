package com.migochat.runner.hazard;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the findings into the SQL that {@code upgrade --sql} prints, as SQL comments right below the
 * {@code -- Changeset …} line of the changeset they belong to (or on top, when that line is not
 * there), so that whoever reviews or runs that SQL by hand sees them.
 */
public final class HazardComments {

  private HazardComments() {}

  public static String annotate(String sql, HazardReport report) {
    if (report.findings().isEmpty()) {
      return sql;
    }
    List<HazardFinding> placed = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    for (String line : sql.split("\n", -1)) {
      out.append(line).append('\n');
      if (line.startsWith("-- Changeset ")) {
        for (HazardFinding finding : report.findings()) {
          String ref = "::" + finding.changeSet().id() + "::" + finding.changeSet().author();
          if (line.endsWith(ref)) {
            out.append(comment(finding));
            placed.add(finding);
          }
        }
      }
    }
    StringBuilder header = new StringBuilder();
    header.append(
        "-- Lock hazards: "
            + report.findings().size()
            + " finding(s), "
            + report.blocking().size()
            + " blocking (tables above "
            + report.thresholdRows()
            + " rows; a changeset opts in with the label allow-hazard:<rule-id>)\n");
    report.findings().stream()
        .filter(finding -> !placed.contains(finding))
        .forEach(finding -> header.append(comment(finding)));
    out.setLength(out.length() - 1);
    return header + out.toString();
  }

  private static String comment(HazardFinding finding) {
    return "-- HAZARD " + finding.describe().replace("\n", " ") + "\n";
  }
}
