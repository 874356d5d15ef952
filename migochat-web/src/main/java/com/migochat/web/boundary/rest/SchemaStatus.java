package com.migochat.web.boundary.rest;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.status.SchemaOverview;
import com.migochat.runner.validation.ValidationFinding;
import java.util.List;

/**
 * The schema's status as JSON: version, tag, whether it is at head, how many changesets ran, the
 * pending ones, and the drift: how many findings, and the first {@value #DRIFT_SHOWN}. The history
 * itself is paged, at {@code /api/migrations/history}.
 */
public record SchemaStatus(
    ChangeSetRun current,
    String latestTag,
    boolean atHead,
    long applied,
    List<ChangeSetRef> pending,
    int driftCount,
    List<ValidationFinding> drift) {

  static final int DRIFT_SHOWN = 100;

  static SchemaStatus of(SchemaOverview overview) {
    List<ValidationFinding> drift = overview.drift();
    return new SchemaStatus(
        overview.current(),
        overview.latestTag(),
        overview.atHead(),
        overview.applied(),
        overview.pending().stream().map(details -> details.changeSet()).toList(),
        drift.size(),
        drift.stream().limit(DRIFT_SHOWN).toList());
  }
}
