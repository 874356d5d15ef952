package com.migochat.web.api;

import com.migochat.migrations.runner.ChangeSetRef;
import com.migochat.migrations.runner.ChangeSetRun;
import java.util.List;

/** The schema's status as JSON: version, tag, pending changesets and history, newest first. */
public record StatusView(
    ChangeSetRun current,
    String latestTag,
    boolean atHead,
    List<ChangeSetRef> pending,
    List<ChangeSetRun> history) {}
