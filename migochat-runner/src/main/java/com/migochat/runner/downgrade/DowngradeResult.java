package com.migochat.runner.downgrade;

import com.migochat.runner.changeset.ChangeSetRef;
import java.time.Duration;
import java.util.List;

/**
 * What a downgrade did.
 *
 * @param rolledBack the changesets that were rolled back, newest first
 * @param took how long it took
 */
public record DowngradeResult(List<ChangeSetRef> rolledBack, Duration took) {

  public DowngradeResult {
    rolledBack = List.copyOf(rolledBack);
  }
}
