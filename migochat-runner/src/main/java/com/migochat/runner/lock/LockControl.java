package com.migochat.runner.lock;

import com.migochat.runner.database.Connections;

/** {@code unlock} and {@code lock}: the migration lock, who holds it, and releasing it. */
public final class LockControl {

  private final Connections connections;

  public LockControl(Connections connections) {
    this.connections = connections;
  }

  /**
   * Releases the migration lock. Refuses while its holder still runs or cannot be checked, unless
   * {@code force}; never releases another holder than the one it checked (see {@link Unlock}).
   */
  public UnlockResult unlock(boolean force) {
    return connections.run(connection -> Unlock.run(connection, force));
  }

  /** The migration lock, and whether its holder still runs. Changes nothing. */
  public LockReport report() {
    return connections.run(
        connection -> {
          LockRelease release = new LockRelease(connection);
          LockState lock = release.lock();
          return new LockReport(lock, lock.locked() ? release.liveness(lock) : null);
        });
  }
}
