package com.migochat.runner.changeset;

import java.time.Duration;

/**
 * How long one changeset took to run.
 *
 * @param changeSet which changeset
 * @param took from Liquibase starting it to its history row being written
 */
public record ChangeSetTiming(ChangeSetRef changeSet, Duration took) {}
