package com.migochat.runner.instance;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.MigrationProgress;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a migration's progress on the migrating instance's registry row ("changeset 3 of 7: ..."),
 * where every other instance's console can read it, and passes it on to {@code next}.
 */
public final class RegistryProgress implements MigrationProgress {

  private static final Logger LOG = Logger.getLogger(RegistryProgress.class.getName());

  private final InstanceRegistry registry;
  private final String instanceId;
  private final MigrationProgress next;

  public RegistryProgress(InstanceRegistry registry, String instanceId, MigrationProgress next) {
    this.registry = registry;
    this.instanceId = instanceId;
    this.next = next;
  }

  @Override
  public void waitingForLock(String holder, Instant since) {
    record("waiting for the migration lock, held by " + holder + " since " + since);
    next.waitingForLock(holder, since);
  }

  @Override
  public void applying(ChangeSetRef changeSet, int number, int total) {
    record("changeset " + number + " of " + total + ": " + changeSet);
    next.applying(changeSet, number, total);
  }

  private void record(String progress) {
    try {
      registry.progress(instanceId, progress);
    } catch (RuntimeException e) {
      // Progress is a courtesy to the other instances; the migration goes on without it.
      LOG.log(Level.FINE, "Migration progress not recorded in the instance registry", e);
    }
  }
}
