package com.migochat.migrations.runner;

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
 */
public record UpgradeResult(
    List<ChangeSetRef> applied, Duration took, boolean checkedByFingerprint, BackupResult backup) {

  public UpgradeResult {
    applied = List.copyOf(applied);
  }

  public boolean nothingApplied() {
    return applied.isEmpty();
  }
}
