package com.migochat.runner.compatibility;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pending changesets classified against the live instances of other releases: every changeset
 * not listed in {@link #contracts()} is expand (every live release keeps working after it).
 *
 * @param findings each mapping of a live release that a pending changeset would break
 */
public record CompatibilityReport(List<CompatibilityFinding> findings) {

  /** The label that marks a changeset as a contract step. */
  public static final String CONTRACT_LABEL = "contract";

  public CompatibilityReport {
    findings = List.copyOf(findings);
  }

  /** The pending changesets that would break a live release, in changelog order. */
  public List<ChangeSetRef> contracts() {
    return findings.stream().map(CompatibilityFinding::changeSet).distinct().toList();
  }

  /** The findings of changesets that break a live release without being marked contract. */
  public List<CompatibilityFinding> unmarked() {
    return findings.stream().filter(finding -> !finding.markedContract()).toList();
  }

  /** Refuses the upgrade when an unmarked changeset would break a live release. */
  public void refuseIfBreaking() {
    List<CompatibilityFinding> unmarked = unmarked();
    if (unmarked.isEmpty()) {
      return;
    }
    CompatibilityFinding first = unmarked.get(0);
    String releases =
        unmarked.stream()
            .map(finding -> finding.instance().instance().release().version())
            .distinct()
            .collect(Collectors.joining(", "));
    throw MigrationException.because(
        MigrationError.BREAKS_LIVE_RELEASE,
        first.changeSet(),
        "nothing was migrated: "
            + unmarked.stream()
                .map(CompatibilityFinding::describe)
                .distinct()
                .collect(Collectors.joining(" | ")),
        "split the change so that release "
            + releases
            + " keeps working while it runs: expand now (e.g. add the new column or table beside"
            + " the old one and copy the data; the new release must work with both), and remove"
            + " the old shape ("
            + first.mapping()
            + ") in a later changeset labelled '"
            + CONTRACT_LABEL
            + "', applied after the last instance of release "
            + releases
            + " is gone (the console's Instances and GET /migochat/api/migrations/instances show"
            + " them). A changeset that has not run anywhere may still be edited",
        null);
  }
}
