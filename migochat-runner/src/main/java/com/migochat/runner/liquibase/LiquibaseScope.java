package com.migochat.runner.liquibase;

import com.migochat.runner.changeset.MigrationProgress;
import com.migochat.runner.config.LockWaitSettings;
import java.util.Map;
import liquibase.Scope;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * The Liquibase scope every Migochat run works in: the application's class loader, the changelog's
 * resources (the application's, or a folder on disk, see {@link ChangeLogFolderResources}), log
 * output through java.util.logging, no usage data sent, no per-file XML schema check, the lock
 * polled every 2 s, changeset failures that break nothing logged quietly, the run's progress
 * listener, and how long its changesets may wait for locks.
 */
final class LiquibaseScope {

  private LiquibaseScope() {}

  static <T> T run(
      ClassLoader resources,
      MigrationProgress progress,
      LockWaitSettings lockWaits,
      Scope.ScopedRunnerWithReturn<T> work)
      throws Exception {
    ClassLoader classLoader = LiquibaseScope.class.getClassLoader();
    Map<String, Object> scope =
        Map.of(
            Scope.Attr.resourceAccessor.name(),
            new ClassLoaderResourceAccessor(resources),
            Scope.Attr.classLoader.name(),
            classLoader,
            Scope.Attr.ui.name(),
            new LoggerUIService(),
            Scope.Attr.logService.name(),
            new ChangeSetFailureLogService(),
            // Liquibase would otherwise try to send usage data on every run, to a host that
            // production networks usually block, costing a timeout each time.
            "liquibase.analytics.enabled",
            Boolean.FALSE,
            // Checking every file against the XML schema is most of what a long changelog costs
            // to read. ChangeLogSchemaTest checks the shipped changelog in the build instead.
            // Liquibase reads this once, when the JVM's first migration creates its XML parser.
            "liquibase.validateXmlChangelogFiles",
            Boolean.FALSE,
            // An instance waiting for another's migration checks the lock every 2 s instead of
            // 10, so it starts serving soon after the schema reaches head (and notices sooner when
            // the holder died; see CrashSafeLockService).
            "liquibase.changelogLockPollRate",
            2L,
            MigrationProgress.SCOPE_KEY,
            progress,
            LockWaitSettings.SCOPE_KEY,
            lockWaits);
    return Scope.child(scope, work);
  }
}
