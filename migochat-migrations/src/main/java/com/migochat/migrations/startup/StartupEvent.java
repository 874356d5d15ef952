package com.migochat.migrations.startup;

import java.time.Instant;

/**
 * Something that happened while the application started, in the order it happened.
 *
 * @param sequence position in the deployment's timeline, from 1
 * @param name what happened, e.g. {@code migration-finished} or {@code persistence-post-login}
 * @param at when
 * @param detail a short human-readable detail, or empty
 */
public record StartupEvent(int sequence, String name, Instant at, String detail) {}
