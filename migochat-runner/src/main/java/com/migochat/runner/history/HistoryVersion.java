package com.migochat.runner.history;

import java.time.Instant;

/**
 * A cheap summary of the history table that changes whenever a migration, a rollback, a tag or a
 * checksum repair changes it: what a cache of anything computed from the whole history compares.
 *
 * @param rows how many rows the history has
 * @param lastOrder the highest execution order
 * @param lastRun when the most recent changeset ran
 * @param tags how many rows carry a tag
 * @param lastTag the greatest tag, so that moving a tag is seen too
 * @param checksums how many rows carry a checksum
 */
public record HistoryVersion(
    long rows, long lastOrder, Instant lastRun, long tags, String lastTag, long checksums) {}
