package com.migochat.migrations.startup;

import com.migochat.runner.failure.MigrationFailure;
import com.migochat.runner.upgrade.UpgradeResult;
import java.util.Optional;

/**
 * How this deployment's migration ended: either an {@link UpgradeResult} or a {@link
 * MigrationFailure}, never both.
 *
 * @param result what was applied, when the migration succeeded
 * @param failure why it failed, when it failed
 * @param trigger which adapter ran it: the persistence unit's login or the startup singleton
 */
public record MigrationOutcome(UpgradeResult result, MigrationFailure failure, String trigger) {

  public static MigrationOutcome succeeded(UpgradeResult result, String trigger) {
    return new MigrationOutcome(result, null, trigger);
  }

  public static MigrationOutcome failed(MigrationFailure failure, String trigger) {
    return new MigrationOutcome(null, failure, trigger);
  }

  public boolean schemaCurrent() {
    return failure == null;
  }

  public Optional<UpgradeResult> upgrade() {
    return Optional.ofNullable(result);
  }

  public Optional<MigrationFailure> problem() {
    return Optional.ofNullable(failure);
  }
}
