package com.migochat.runner.lock;

import com.migochat.runner.database.DatabaseUrl;
import com.migochat.runner.database.OneTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place that judges who holds the migration lock and releases it: {@code unlock} and the
 * crash-safe lock service both come here. A release only ever frees the holder that was judged:
 * between the judgement and the release another instance may have released that lock and taken it,
 * and its lock must stay.
 *
 * <p>The holder is DEAD only when that can be proven: its PostgreSQL session has ended, or its
 * process is gone from this machine and process namespace. Anything that does not match exactly
 * (another machine or container, a holder recorded by stock Liquibase or an earlier Migochat, a
 * process id now used by another process, a session this user may not see) is UNKNOWN.
 */
public final class LockRelease {

  /** What a release did: whether it freed the lock, and the lock as it is now. */
  public record Outcome(boolean released, LockState now) {}

  /** How far two readings of one process's start may differ (see LocalProcess#toSeconds). */
  private static final Duration SAME_START = Duration.ofSeconds(2);

  private final Connection connection;

  public LockRelease(Connection connection) {
    this.connection = connection;
  }

  public LockState lock() throws SQLException {
    return LockState.read(connection);
  }

  /** Whether the holder of {@code lock} still runs, as far as can be told from here. */
  public LockHolder.Liveness liveness(LockState lock) throws SQLException {
    LockHolder holder = LockHolder.parse(lock.lockedBy());
    if (holder.backend() != null && postgres()) {
      LockHolder.Liveness session =
          new PostgresSession(holder.backend(), holder.backendStarted()).liveness(connection);
      if (session != LockHolder.Liveness.UNKNOWN) {
        return session;
      }
    }
    return processLiveness(holder);
  }

  private static LockHolder.Liveness processLiveness(LockHolder holder) {
    if (holder.pid() == null
        || holder.started() == null
        || !holder.sameMachineAs(LockHolder.thisProcess(null))) {
      return LockHolder.Liveness.UNKNOWN;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(holder.pid()).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return LockHolder.Liveness.DEAD;
    }
    Optional<Instant> started = process.get().info().startInstant().map(LocalProcess::toSeconds);
    return started.isPresent()
            && Duration.between(started.get(), holder.started()).abs().compareTo(SAME_START) <= 0
        ? LockHolder.Liveness.ALIVE
        : LockHolder.Liveness.UNKNOWN;
  }

  /**
   * Releases the lock if {@code seen}'s holder still holds it, and tells what it found: released,
   * or the lock as another instance left or took it since.
   */
  public Outcome release(LockState seen) throws SQLException {
    AtomicInteger released = new AtomicInteger();
    OneTransaction.run(
        connection,
        transaction -> {
          try (PreparedStatement release =
              transaction.prepareStatement(
                  "UPDATE DATABASECHANGELOGLOCK SET LOCKED = ?, LOCKEDBY = NULL, LOCKGRANTED = NULL"
                      + " WHERE ID = 1 AND LOCKED = ? AND "
                      + (seen.lockedBy() == null ? "LOCKEDBY IS NULL" : "LOCKEDBY = ?"))) {
            release.setBoolean(1, false);
            release.setBoolean(2, true);
            if (seen.lockedBy() != null) {
              release.setString(3, seen.lockedBy());
            }
            released.set(release.executeUpdate());
          }
        });
    return released.get() == 1 ? new Outcome(true, LockState.FREE) : new Outcome(false, lock());
  }

  private boolean postgres() throws SQLException {
    return DatabaseUrl.of(connection.getMetaData().getURL()).postgres();
  }
}
