package com.migochat.runner.upgrade;

import com.migochat.runner.backup.BackupResult;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetTiming;
import com.migochat.runner.liquibase.ChangeSetRecorder;
import java.time.Duration;
import java.util.List;

/**
 * What an upgrade did.
 *
 * @param applied the changesets that ran, in the order they ran; empty when the schema was current
 * @param took how long the whole upgrade took, including the check
 * @param checkedByFingerprint whether the schema was found current by its stored fingerprint,
 *     without running Liquibase
 * @param backup the backup taken before anything was applied, or null when none was
 * @param timings how long each applied changeset took, in the order they ran
 */
public record UpgradeResult(
    List<ChangeSetRef> applied,
    Duration took,
    boolean checkedByFingerprint,
    BackupResult backup,
    List<ChangeSetTiming> timings) {

  public UpgradeResult {
    applied = List.copyOf(applied);
    timings = List.copyOf(timings);
  }

  static UpgradeResult nothingApplied(Duration took, boolean checkedByFingerprint) {
    return new UpgradeResult(List.of(), took, checkedByFingerprint, null, List.of());
  }

  static UpgradeResult of(ChangeSetRecorder recorder, Duration took, BackupResult backup) {
    return new UpgradeResult(recorder.applied(), took, false, backup, recorder.timings());
  }

  public boolean nothingApplied() {
    return applied.isEmpty();
  }
}
