package com.migochat.migrations.runner;

import java.time.Instant;

/**
 * Liquibase's migration lock, as its lock table records it.
 *
 * @param locked whether a process holds it
 * @param lockedBy who holds it (host and address), or null
 * @param since since when, or null
 */
public record LockState(boolean locked, String lockedBy, Instant since) {

  static final LockState FREE = new LockState(false, null, null);
}
