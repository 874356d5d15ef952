package com.migochat.runner.changeset;

import java.time.Instant;

/**
 * One row of Liquibase's history table ({@code DATABASECHANGELOG}): a changeset that ran.
 *
 * @param changeSet which changeset
 * @param executedAt when it ran
 * @param orderExecuted its position in the history, counted from 1
 * @param execType how it ran: EXECUTED, RERAN, MARK_RAN, ...
 * @param checksum the checksum Liquibase stored, to detect later edits
 * @param description Liquibase's summary of the changes
 * @param comments the changeset's comment, saying why it exists
 * @param tag the tag set on this row, or null
 * @param liquibaseVersion the Liquibase version that ran it
 * @param deploymentId the id shared by every changeset applied in the same run
 */
public record ChangeSetRun(
    ChangeSetRef changeSet,
    Instant executedAt,
    int orderExecuted,
    String execType,
    String checksum,
    String description,
    String comments,
    String tag,
    String liquibaseVersion,
    String deploymentId) {}
