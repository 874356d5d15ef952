package com.migochat.migrations.startup;

import com.migochat.runner.failure.MigrationFailure;
import com.migochat.runner.upgrade.UpgradeResult;
import java.util.Optional;

/**
 * How this deployment's migration ended: either an {@link UpgradeResult} or a {@link
 * MigrationFailure}, never both. As in {@link EntityCheckResult}, {@link #failure()} says whether
 * and why it failed, and {@link #problem()} is the same failure or null.
 *
 * @param result what was applied, when the migration succeeded
 * @param problem why it failed, or null when it succeeded
 * @param trigger which adapter ran it: the persistence unit's login or the startup singleton
 */
public record MigrationOutcome(UpgradeResult result, MigrationFailure problem, String trigger) {

  public static MigrationOutcome succeeded(UpgradeResult result, String trigger) {
    return new MigrationOutcome(result, null, trigger);
  }

  public static MigrationOutcome failed(MigrationFailure failure, String trigger) {
    return new MigrationOutcome(null, failure, trigger);
  }

  public boolean schemaCurrent() {
    return problem == null;
  }

  public Optional<UpgradeResult> upgrade() {
    return Optional.ofNullable(result);
  }

  public Optional<MigrationFailure> failure() {
    return Optional.ofNullable(problem);
  }
}
