package com.migochat.web.boundary.rest;

import com.migochat.migrations.startup.StartupEvent;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.failure.MigrationFailure;
import java.util.List;
import java.util.Map;

/**
 * How this deployment started: the ordered timeline (migration and persistence-unit login), what
 * the migration applied or why it failed, and what the entity check read.
 */
public record StartupReport(
    List<StartupEvent> timeline,
    String trigger,
    boolean schemaCurrent,
    List<ChangeSetRef> applied,
    Long tookMillis,
    MigrationFailure failure,
    Map<String, Long> entityRowCounts,
    String entityProblem) {}
