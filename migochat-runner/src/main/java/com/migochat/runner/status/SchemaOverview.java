package com.migochat.runner.status;

import com.migochat.runner.changeset.ChangeSetDetails;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.hazard.HazardReport;
import com.migochat.runner.validation.ValidationFinding;
import com.migochat.runner.validation.ValidationReport;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the schema stands, for the migration console: everything but the history's rows.
 *
 * @param current the changeset applied last, or null when nothing ran
 * @param latestTag the most recent tag in the history, or null
 * @param applied how many changesets the history holds
 * @param pending the changesets that have not run, in the order they would run, with their SQL
 * @param validation what {@code validate} finds: drift between changelog and history, and
 *     changesets that cannot be rolled back
 * @param hazards the lock hazards of the pending changesets, weighed by the live size of their
 *     tables (what {@code lint} reports)
 */
public record SchemaOverview(
    ChangeSetRun current,
    String latestTag,
    long applied,
    List<ChangeSetDetails> pending,
    ValidationReport validation,
    HazardReport hazards) {

  public SchemaOverview {
    pending = List.copyOf(pending);
  }

  public boolean atHead() {
    return pending.isEmpty();
  }

  /**
   * The findings that mean the history and the changelog disagree, or the database and the
   * changelog: an invalid index left by a failed concurrent build.
   */
  public List<ValidationFinding> drift() {
    return validation.findings().stream()
        .filter(
            finding ->
                switch (finding.kind()) {
                  case CHECKSUM_MISMATCH,
                          CHECKSUM_ALGORITHM_CHANGED,
                          UNKNOWN_APPLIED,
                          OUT_OF_ORDER,
                          INVALID_INDEX ->
                      true;
                  default -> false;
                })
        .toList();
  }

  /** The changesets that cannot be rolled back, so a downgrade past them is refused. */
  public Set<ChangeSetRef> withoutRollback() {
    return validation.findings().stream()
        .filter(finding -> finding.kind() == ValidationFinding.Kind.NO_ROLLBACK)
        .map(ValidationFinding::changeSet)
        .collect(Collectors.toUnmodifiableSet());
  }
}
