package com.migochat.runner.changeset;

import java.time.Instant;

/**
 * Hears how a running migration gets on, so that whoever waits for it (readiness, an operator) can
 * be told more than "migrating": which changeset of how many runs, or whose lock it waits for.
 * Called on the migrating thread; implementations must be quick and must not throw.
 */
public interface MigrationProgress {

  /** The Liquibase scope key under which the runner hands its listener to the lock service. */
  String SCOPE_KEY = "migochat.migrationProgress";

  /** Hears nothing. */
  MigrationProgress SILENT =
      new MigrationProgress() {
        @Override
        public void waitingForLock(String holder, Instant since) {}

        @Override
        public void applying(ChangeSetRef changeSet, int number, int total) {}
      };

  /** The migration lock is taken by {@code holder} since {@code since}; this run waits for it. */
  void waitingForLock(String holder, Instant since);

  /** Changeset {@code number} of {@code total} pending ones starts to run. */
  void applying(ChangeSetRef changeSet, int number, int total);
}
