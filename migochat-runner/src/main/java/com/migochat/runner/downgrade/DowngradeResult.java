package com.migochat.runner.downgrade;

import com.migochat.runner.changeset.ChangeSetRef;
import java.time.Duration;
import java.util.List;

/**
 * What a downgrade did.
 *
 * @param rolledBack the changesets that were rolled back, newest first
 * @param took how long it took
 * @param lost the data the rollbacks dropped, when that was allowed
 */
public record DowngradeResult(List<ChangeSetRef> rolledBack, Duration took, List<LostData> lost) {

  public DowngradeResult {
    rolledBack = List.copyOf(rolledBack);
    lost = List.copyOf(lost);
  }

  /** A downgrade that dropped no data. */
  public DowngradeResult(List<ChangeSetRef> rolledBack, Duration took) {
    this(rolledBack, took, List.of());
  }
}
