package com.migochat.migrations.runner;

import java.time.Duration;
import java.util.List;

/**
 * What an upgrade did.
 *
 * @param applied the changesets that ran, in the order they ran; empty when the schema was current
 * @param took how long the whole upgrade took, including the check
 */
public record UpgradeResult(List<ChangeSetRef> applied, Duration took) {

  public UpgradeResult {
    applied = List.copyOf(applied);
  }

  public boolean nothingApplied() {
    return applied.isEmpty();
  }
}
