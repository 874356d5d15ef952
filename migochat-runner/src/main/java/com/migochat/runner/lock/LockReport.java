package com.migochat.runner.lock;

/**
 * The migration lock, and whether its holder still runs.
 *
 * @param state the lock as its table records it
 * @param holder ALIVE, DEAD (the next migration releases the lock) or {@code UNKNOWN} (another host
 *     without a session, or a tool that records no process); null when free
 */
public record LockReport(LockState state, LockHolder.Liveness holder) {}
