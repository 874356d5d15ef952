package com.migochat.runner.lock;

/**
 * What unlock found and did.
 *
 * @param before the lock as it was
 * @param holder ALIVE, DEAD or UNKNOWN: what was found of the holder; null when nothing was locked
 * @param released whether the lock was released
 */
public record UnlockResult(LockState before, LockHolder.Liveness holder, boolean released) {}
