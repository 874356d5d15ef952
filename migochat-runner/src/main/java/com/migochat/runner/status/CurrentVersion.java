package com.migochat.runner.status;

import com.migochat.runner.changeset.ChangeSetRun;

/**
 * The schema version, as Alembic's {@code current} shows it.
 *
 * @param changeSet the changeset applied last, or null on an empty database
 * @param tag the most recent tag in the history, or null
 * @param atHead whether every changeset of the changelog has been applied
 * @param pending how many have not
 */
public record CurrentVersion(ChangeSetRun changeSet, String tag, boolean atHead, int pending) {}
