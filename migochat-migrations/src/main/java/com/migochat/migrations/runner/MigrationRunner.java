package com.migochat.migrations.runner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.command.CommandScope;
import liquibase.command.core.ChangelogSyncCommandStep;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.RollbackCountSqlCommandStep;
import liquibase.command.core.StatusCommandStep;
import liquibase.command.core.TagCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.UpdateCountSqlCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Moves a database along Migochat's changelog and tells where it stands. One instance per data
 * source; each call opens and closes its own connection.
 *
 * <p>Every upgrade and downgrade target (a changeset id, a tag, a date, {@code base}) is first
 * resolved against the history and the pending list into a number of changesets; Liquibase's count
 * commands then do the work, so the SQL preview of a target is exactly what it would run.
 */
public final class MigrationRunner {

  private static final String CHANGELOG_FILE = "changelogFile";
  private static final String CONTEXTS = "contextFilter";
  private static final String COUNT = "count";

  private static final Logger LOG = Logger.getLogger(MigrationRunner.class.getName());

  private final DataSource dataSource;
  private final MigrationSettings settings;
  private final MigrationProgress progress;

  public MigrationRunner(DataSource dataSource, MigrationSettings settings) {
    this(dataSource, settings, MigrationProgress.SILENT);
  }

  /** A runner that tells {@code progress} which changeset runs and whose lock it waits for. */
  public MigrationRunner(
      DataSource dataSource, MigrationSettings settings, MigrationProgress progress) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Applies every pending changeset, in changelog order, in one Liquibase pass under its lock: what
   * every deployment does at startup.
   */
  public UpgradeResult upgrade() {
    return upgrade(BackupBeforeUpgrade.NEVER);
  }

  /**
   * Like {@link #upgrade()}, backing the database up first as {@code backup} says. A database the
   * fingerprint proves current is answered without Liquibase and without a backup. Otherwise
   * everything happens under the migration lock, so that instances starting together take one
   * backup and migrate once: the fingerprint is checked again (another instance may have migrated
   * while this one waited), the status is read for the backup, Liquibase updates, and the new
   * fingerprint is stored before the lock is released.
   */
  public UpgradeResult upgrade(BackupBeforeUpgrade backup) {
    long started = System.nanoTime();
    if (currentByFingerprint()) {
      return UpgradeResult.nothingApplied(elapsedSince(started), true);
    }
    return underUpgradeLock(
        (connection, database, lock) -> {
          boolean current = fingerprint().matchesWhileLocked(connection);
          restoreAutoCommit(connection);
          if (current) {
            return UpgradeResult.nothingApplied(elapsedSince(started), true);
          }
          acceptOutdatedChecksumsBeforeUpgrade();
          BackupResult taken = backup.takeIfPending(this::status).orElse(null);
          ChangeSetRecorder recorder =
              lock.around(
                  () ->
                      execute(database, UpdateCommandStep.COMMAND_NAME, updateArguments(Map.of())));
          recordFingerprint(connection);
          return UpgradeResult.of(recorder, elapsedSince(started), taken);
        });
  }

  private void recordFingerprint(Connection connection) {
    try {
      fingerprint().record(connection);
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "The schema is at head, but its fingerprint could not be stored ("
              + e.getMessage()
              + "): every start will check it through Liquibase, which is slower. Let the"
              + " database user create and write DATABASECHANGELOG_FINGERPRINT.",
          e);
    }
  }

  /**
   * Whether the fingerprint stored at the last upgrade to head still matches the changelog and the
   * history, so that nothing can be pending; answers without starting Liquibase.
   */
  private boolean currentByFingerprint() {
    try (Connection connection = connect()) {
      return fingerprint().matches(connection);
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    }
  }

  private SchemaFingerprint fingerprint() {
    return new SchemaFingerprint(
        MigrationRunner.class.getClassLoader(), settings.changeLog(), settings.contexts());
  }

  /** Applies pending changesets up to the target, in changelog order. */
  public UpgradeResult upgrade(UpgradeTarget target) {
    return upgrade(target, BackupBeforeUpgrade.NEVER);
  }

  /**
   * Like {@link #upgrade(UpgradeTarget)}, backing the database up first as {@code backup} says; the
   * status, the backup and the update all happen under the migration lock.
   */
  public UpgradeResult upgrade(UpgradeTarget target, BackupBeforeUpgrade backup) {
    if (target instanceof UpgradeTarget.Head) {
      return upgrade(backup);
    }
    long started = System.nanoTime();
    return underUpgradeLock(
        (connection, database, lock) -> {
          StatusReport status = status();
          int steps = stepsUp(target, status);
          if (steps == 0) {
            return UpgradeResult.nothingApplied(elapsedSince(started), false);
          }
          BackupResult taken = backup.takeIfPending(() -> status).orElse(null);
          ChangeSetRecorder recorder =
              lock.around(
                  () ->
                      execute(
                          database,
                          UpdateCountCommandStep.COMMAND_NAME,
                          updateArguments(Map.of(COUNT, steps))));
          return UpgradeResult.of(recorder, elapsedSince(started), taken);
        });
  }

  /** Work done while holding the migration lock, on the connection that holds it. */
  @FunctionalInterface
  private interface LockedWork<T> {
    T run(Connection connection, Database database, UpgradeLock lock) throws Exception;
  }

  /**
   * Takes the migration lock (waiting for it as Liquibase does), runs {@code work}, releases it.
   */
  private <T> T underUpgradeLock(LockedWork<T> work) {
    try (Connection connection = connect()) {
      Database database = liquibaseDatabase(connection);
      try {
        return inLiquibaseScope(
            () -> {
              try (UpgradeLock lock = UpgradeLock.take(database)) {
                return work.run(connection, database, lock);
              }
            });
      } catch (MigrationException e) {
        throw e;
      } catch (Exception e) {
        throw new MigrationException(FailureAnalysis.ofRun(e, null, rollsBackDdl(database)), e);
      } finally {
        restoreAutoCommit(connection);
      }
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    }
  }

  private Map<String, Object> updateArguments(Map<String, Object> more) {
    Map<String, Object> arguments = new HashMap<>(more);
    arguments.put(CONTEXTS, settings.contexts());
    arguments.put(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT.getName(), UpdateSummaryOutputEnum.LOG);
    return arguments;
  }

  /** The SQL that {@link #upgrade(UpgradeTarget)} would run; changes nothing. */
  public SqlPreview upgradeSql(UpgradeTarget target) {
    StatusReport status = status();
    int steps = stepsUp(target, status);
    ByteArrayOutputStream sql = new ByteArrayOutputStream();
    if (steps > 0) {
      run(
          UpdateCountSqlCommandStep.COMMAND_NAME,
          Map.of(COUNT, steps, CONTEXTS, settings.contexts()),
          sql);
    }
    return new SqlPreview(status.pending().subList(0, steps), sql.toString(StandardCharsets.UTF_8));
  }

  /** Rolls back every changeset applied after the target, newest first. */
  public DowngradeResult downgrade(DowngradeTarget target) {
    long started = System.nanoTime();
    int steps = stepsDown(target, status());
    if (steps == 0) {
      return new DowngradeResult(List.of(), elapsedSince(started));
    }
    ChangeSetRecorder recorder =
        run(RollbackCountCommandStep.COMMAND_NAME, Map.of(COUNT, steps), null);
    return new DowngradeResult(recorder.rolledBack(), elapsedSince(started));
  }

  /** The SQL that {@link #downgrade(DowngradeTarget)} would run; changes nothing. */
  public SqlPreview downgradeSql(DowngradeTarget target) {
    StatusReport status = status();
    int steps = stepsDown(target, status);
    ByteArrayOutputStream sql = new ByteArrayOutputStream();
    if (steps > 0) {
      run(RollbackCountSqlCommandStep.COMMAND_NAME, Map.of(COUNT, steps), sql);
    }
    return new SqlPreview(applied(status).subList(0, steps), sql.toString(StandardCharsets.UTF_8));
  }

  /** Tags the most recently applied changeset, so a later downgrade can return to it. */
  public TagResult tag(String name) {
    if (name == null || name.isBlank() || name.contains(":")) {
      throw targetProblem(
          "'" + name + "' is not a usable tag", "give a non-empty tag without ':' and spaces");
    }
    ChangeSetRun current =
        status()
            .current()
            .orElseThrow(
                () ->
                    targetProblem(
                        "nothing has been applied, so there is nothing to tag",
                        "run upgrade first"));
    run(TagCommandStep.COMMAND_NAME, Map.of(TagCommandStep.TAG_ARG.getName(), name), null);
    return new TagResult(name, current.changeSet());
  }

  /**
   * Puts a database that was built without migrations (the entities' create_all) under the
   * changelog: migrates {@code emptyScratch}, an empty database of the same kind, to head, compares
   * the two schemas, and only when they are the same marks every changeset as applied. Refuses, and
   * lists the differences, otherwise; changes nothing then. Alembic's {@code stamp head}, checked.
   */
  public BaselineResult baseline(DataSource emptyScratch) {
    long started = System.nanoTime();
    StatusReport status = status();
    if (!status.history().isEmpty()) {
      throw targetProblem(
          "the database has a migration history already ("
              + status.history().size()
              + " changesets applied), so it needs no baseline",
          "run upgrade to apply what is pending");
    }
    new MigrationRunner(emptyScratch, settings).upgrade();
    SchemaDifferences differences =
        new SchemaComparison("the changelog", "the database").compare(emptyScratch, dataSource);
    if (!differences.none()) {
      throw new MigrationException(
          new MigrationFailure(
              MigrationError.SCHEMA_MISMATCH,
              null,
              "the database's schema is not the changelog's, so no changeset was marked as"
                  + " applied. "
                  + differences.differences().size()
                  + " differences:\n  "
                  + String.join("\n  ", differences.differences())
                  + "\n",
              "change the database until it matches (or, if the changelog is wrong, add a"
                  + " changeset), then run baseline again"),
          null);
    }
    run(ChangelogSyncCommandStep.COMMAND_NAME, Map.of(CONTEXTS, settings.contexts()), null);
    markAsNotRun();
    return new BaselineResult(status.pending(), elapsedSince(started));
  }

  /**
   * Liquibase's sync records the changesets as EXECUTED; the history should say they never ran
   * here. Baseline only runs on an empty history, so every row is one it just wrote.
   */
  private void markAsNotRun() {
    try (Connection connection = connect();
        PreparedStatement update =
            connection.prepareStatement("UPDATE DATABASECHANGELOG SET EXECTYPE = 'MARK_RAN'")) {
      update.executeUpdate();
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    }
  }

  /**
   * Replaces the checksums that an older Liquibase computed with an older algorithm, for changesets
   * unchanged under that algorithm, with today's; records each in {@code DATABASECHANGELOG_AUDIT}
   * with who, when and why. Refuses, and changes nothing, while any applied changeset was edited:
   * those must be reverted, not accepted.
   */
  public ChecksumAcceptance acceptChecksums(String reason) {
    if (reason == null || reason.isBlank()) {
      throw targetProblem(
          "accepting checksums needs a reason, for the audit",
          "say why, e.g. --reason \"Liquibase 4.21 to 4.33\"");
    }
    return readHistoryAndChangeLog(
        (history, changeLog, database) -> {
          List<ValidationFinding> edited =
              ChangeLogValidation.check(changeLog, history, database).findings().stream()
                  .filter(finding -> finding.kind() == ValidationFinding.Kind.CHECKSUM_MISMATCH)
                  .toList();
          if (!edited.isEmpty()) {
            throw new MigrationException(
                new MigrationFailure(
                    MigrationError.CHANGELOG_INVALID,
                    edited.get(0).changeSet(),
                    edited.size()
                        + " applied changesets were edited, not just re-checksummed ("
                        + edited.stream()
                            .map(finding -> finding.changeSet().id())
                            .collect(java.util.stream.Collectors.joining(", "))
                        + "), so no checksum was accepted",
                    edited.get(0).fix()),
                null);
          }
          ChecksumAcceptance acceptance =
              new ChecksumAcceptance(
                  OutdatedChecksum.find(changeLog, history), actor(), reason, Instant.now());
          if (!acceptance.accepted().isEmpty()) {
            ChecksumAudit.replace(
                ((JdbcConnection) database.getConnection()).getUnderlyingConnection(), acceptance);
          }
          return acceptance;
        });
  }

  /**
   * Liquibase would replace outdated checksums silently during the update; accepting them first
   * puts each in the audit. When an edited changeset is among them, nothing is accepted and
   * Liquibase's validation stops the update with its own report.
   */
  private void acceptOutdatedChecksumsBeforeUpgrade() {
    try (Connection connection = connect()) {
      if (!new ChangeLogHistory(connection).hasChecksumsOlderThan(CheckSum.getCurrentVersion())) {
        return;
      }
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    }
    try {
      acceptChecksums("accepted by upgrade: this Liquibase computes checksums differently");
    } catch (MigrationException edited) {
      // The update below fails on the edited changeset and explains it.
    }
  }

  private static String actor() {
    return System.getProperty("user.name") + "@" + LocalProcess.current().host();
  }

  /**
   * Releases the migration lock. Refuses while its holder still runs or cannot be checked, unless
   * {@code force}; never releases another holder than the one it checked (see {@link Unlock}).
   */
  public UnlockResult unlock(boolean force) {
    try (Connection connection = connect()) {
      return Unlock.run(connection, force);
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    }
  }

  /** The migration lock, and whether its holder still runs. Changes nothing. */
  public LockReport lock() {
    try (Connection connection = connect()) {
      LockRelease release = new LockRelease(connection);
      LockState lock = release.lock();
      return new LockReport(lock, lock.locked() ? release.liveness(lock).name() : null);
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    }
  }

  /**
   * Compares the changelog with the history: edited applied changesets, applied changesets the
   * changelog lost, pending changesets ordered before applied ones, and changesets that cannot be
   * rolled back. Changes nothing.
   */
  public ValidationReport validate() {
    return readHistoryAndChangeLog(
        (history, changeLog, database) -> ChangeLogValidation.check(changeLog, history, database));
  }

  /**
   * One changeset: its file, comment, changes, whether it ran, and the SQL it and its rollback run
   * on this database. Changes nothing.
   */
  public ChangeSetDetails show(String id) {
    return readHistoryAndChangeLog(
        (history, changeLog, database) -> {
          for (ChangeSet changeSet : changeLog.getChangeSets()) {
            if (changeSet.getId().equals(id)) {
              ChangeSetRef ref = ChangeSetRecorder.refOf(changeSet);
              ChangeSetRun run =
                  history.stream()
                      .filter(row -> row.changeSet().equals(ref))
                      .findFirst()
                      .orElse(null);
              return ChangeSetSql.describe(changeSet, run, database);
            }
          }
          throw unknownChangeSet(id);
        });
  }

  /** Reads the history and lists the changesets that have not run; changes nothing. */
  public StatusReport status() {
    return readHistoryAndChangeLog(
        (history, changeLog, database) ->
            new StatusReport(
                history,
                new StatusCommandStep()
                        .listUnrunChangeSets(
                            new Contexts(settings.contexts()),
                            new LabelExpression(),
                            changeLog,
                            database)
                        .stream()
                        .map(ChangeSetRecorder::refOf)
                        .toList()));
  }

  /** Something computed from the history, the parsed changelog and the database. */
  @FunctionalInterface
  private interface ChangeLogReading<T> {
    T read(List<ChangeSetRun> history, DatabaseChangeLog changeLog, Database database)
        throws Exception;
  }

  /** Reads the history and parses the changelog on one connection; changes nothing. */
  private <T> T readHistoryAndChangeLog(ChangeLogReading<T> reading) {
    try (Connection connection = connect()) {
      List<ChangeSetRun> history = new ChangeLogHistory(connection).newestFirst();
      Database database = liquibaseDatabase(connection);
      try {
        return inLiquibaseScope(() -> reading.read(history, parseChangeLog(database), database));
      } catch (MigrationException e) {
        throw e;
      } catch (Exception e) {
        throw new MigrationException(FailureAnalysis.ofRun(e, null, rollsBackDdl(database)), e);
      } finally {
        restoreAutoCommit(connection);
      }
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    }
  }

  /** The schema version: the last applied changeset, the latest tag, and whether it is head. */
  public CurrentVersion current() {
    StatusReport status = status();
    return new CurrentVersion(
        status.current().orElse(null),
        status.latestTag().orElse(null),
        status.atHead(),
        status.pending().size());
  }

  /**
   * Connects and reports the version, the pending changesets, the migration lock and the rows of
   * every application table. Unhealthy when changesets are pending or the lock is held.
   */
  public HealthReport health() {
    CurrentVersion version = current();
    try (Connection connection = connect()) {
      DatabaseInspection inspection = new DatabaseInspection(connection);
      LockState lock = inspection.lock();
      List<String> problems = new ArrayList<>();
      if (!version.atHead()) {
        problems.add(
            version.pending() + " changesets pending: run upgrade, or deploy the application");
      }
      if (lock.locked()) {
        problems.add(
            "the migration lock is held by "
                + lock.lockedBy()
                + " since "
                + lock.since()
                + ": a migration is running, or its process died holding the lock");
      }
      return new HealthReport(version, lock, inspection.rowCounts(), problems);
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    }
  }

  /** One page of the history, newest first; reads only that page. */
  public HistoryPage history(int page, int size) {
    return history(HistoryQuery.newestFirst(page, size));
  }

  /**
   * The page of the history {@code query} asks for, filtered and sorted by the database: reads that
   * page and a count, however long the history is.
   */
  public HistoryPage history(HistoryQuery query) {
    try (Connection connection = connect()) {
      ChangeLogHistory history = new ChangeLogHistory(connection);
      return new HistoryPage(
          history.page(query), query.page(), query.size(), history.count(query.filter()));
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    }
  }

  /** A cheap summary of the history that changes whenever the history does; reads one row. */
  public HistoryVersion historyVersion() {
    try (Connection connection = connect()) {
      return new ChangeLogHistory(connection).version();
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    }
  }

  /**
   * Everything the migration console shows besides the history's pages, from one connection and one
   * reading of the changelog: the version, the pending changesets with their SQL, and what {@link
   * #validate()} finds. Changes nothing.
   */
  public SchemaOverview overview() {
    return readHistoryAndChangeLog(
        (history, changeLog, database) -> {
          List<ChangeSetDetails> pending = new ArrayList<>();
          for (ChangeSet changeSet :
              new StatusCommandStep()
                  .listUnrunChangeSets(
                      new Contexts(settings.contexts()),
                      new LabelExpression(),
                      changeLog,
                      database)) {
            pending.add(ChangeSetSql.describe(changeSet, null, database));
          }
          StatusReport status =
              new StatusReport(history, pending.stream().map(ChangeSetDetails::changeSet).toList());
          return new SchemaOverview(
              status.current().orElse(null),
              status.latestTag().orElse(null),
              history.size(),
              pending,
              ChangeLogValidation.check(changeLog, history, database));
        });
  }

  private static int stepsUp(UpgradeTarget target, StatusReport status) {
    List<ChangeSetRef> pending = status.pending();
    if (target instanceof UpgradeTarget.Steps steps) {
      if (steps.count() > pending.size()) {
        throw targetProblem(
            "cannot upgrade by " + steps.count() + ": only " + pending.size() + " pending",
            "list them with 'heads', or upgrade to head");
      }
      return steps.count();
    }
    if (target instanceof UpgradeTarget.ToChangeSet to) {
      int index = indexOf(pending, to.id());
      if (index >= 0) {
        return index + 1;
      }
      if (indexOf(applied(status), to.id()) >= 0) {
        return 0;
      }
      throw unknownChangeSet(to.id());
    }
    return pending.size();
  }

  private static int stepsDown(DowngradeTarget target, StatusReport status) {
    List<ChangeSetRun> history = status.history();
    if (target instanceof DowngradeTarget.Steps steps) {
      if (steps.count() > history.size()) {
        throw targetProblem(
            "cannot downgrade by " + steps.count() + ": only " + history.size() + " applied",
            "downgrade to base to roll back everything");
      }
      return steps.count();
    }
    if (target instanceof DowngradeTarget.ToChangeSet to) {
      int index = indexOf(applied(status), to.id());
      if (index >= 0) {
        return index;
      }
      if (indexOf(status.pending(), to.id()) >= 0) {
        throw targetProblem(
            "changeset " + to.id() + " is ahead of the database: it has not been applied",
            "upgrade to it instead, or pick an applied changeset from 'history'");
      }
      throw unknownChangeSet(to.id());
    }
    if (target instanceof DowngradeTarget.ToTag to) {
      for (int index = 0; index < history.size(); index++) {
        if (to.tag().equals(history.get(index).tag())) {
          return index;
        }
      }
      throw targetProblem(
          "no applied changeset carries the tag '" + to.tag() + "'",
          "list the tags with 'history'");
    }
    if (target instanceof DowngradeTarget.ToDate to) {
      return (int)
          history.stream()
              .filter(run -> run.executedAt() != null && run.executedAt().isAfter(to.date()))
              .count();
    }
    return history.size();
  }

  private static List<ChangeSetRef> applied(StatusReport status) {
    return status.history().stream().map(ChangeSetRun::changeSet).toList();
  }

  private static int indexOf(List<ChangeSetRef> changeSets, String id) {
    for (int index = 0; index < changeSets.size(); index++) {
      if (Objects.equals(changeSets.get(index).id(), id)) {
        return index;
      }
    }
    return -1;
  }

  private static MigrationException unknownChangeSet(String id) {
    return targetProblem(
        "the changelog has no changeset '" + id + "'",
        "list the changeset ids with 'history' (applied) and 'heads' (pending)");
  }

  private static MigrationException targetProblem(String what, String action) {
    return new MigrationException(
        new MigrationFailure(MigrationError.UNKNOWN_TARGET, null, what, action), null);
  }

  private ChangeSetRecorder run(
      String[] command, Map<String, Object> arguments, OutputStream output) {
    try (Connection connection = connect()) {
      Database database = liquibaseDatabase(connection);
      try {
        return inLiquibaseScope(() -> execute(database, command, arguments, output));
      } finally {
        restoreAutoCommit(connection);
      }
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    } catch (MigrationException e) {
      throw e;
    } catch (Exception e) {
      throw MigrationException.unexpected(e);
    }
  }

  private ChangeSetRecorder execute(
      Database database, String[] command, Map<String, Object> arguments) {
    return execute(database, command, arguments, null);
  }

  /** Runs a Liquibase command on {@code database}, inside {@link #inLiquibaseScope}. */
  private ChangeSetRecorder execute(
      Database database, String[] command, Map<String, Object> arguments, OutputStream output) {
    ChangeSetRecorder recorder = new ChangeSetRecorder(progress, settings.contexts());
    try {
      CommandScope scope =
          new CommandScope(command)
              .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
              .addArgumentValue(CHANGELOG_FILE, settings.changeLog())
              .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, recorder);
      arguments.forEach(scope::addArgumentValue);
      if (output != null) {
        scope.setOutput(output);
      }
      scope.execute();
      return recorder;
    } catch (Exception e) {
      throw new MigrationException(
          FailureAnalysis.ofRun(e, recorder.failed().orElse(null), rollsBackDdl(database)), e);
    }
  }

  private Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  private static Duration elapsedSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  static Database liquibaseDatabase(Connection connection) throws SQLException {
    try {
      return DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new JdbcConnection(connection));
    } catch (liquibase.exception.DatabaseException e) {
      throw new SQLException("Liquibase does not support this database: " + e.getMessage(), e);
    }
  }

  /**
   * Whether a failed changeset leaves nothing behind. Liquibase's own flag claims it for H2, which
   * commits DDL implicitly; only engines known to roll DDL back get the reassuring advice.
   */
  private static boolean rollsBackDdl(Database database) {
    return database instanceof PostgresDatabase;
  }

  private DatabaseChangeLog parseChangeLog(Database database) throws Exception {
    ResourceAccessor resources = Scope.getCurrentScope().getResourceAccessor();
    return ChangeLogParserFactory.getInstance()
        .getParser(settings.changeLog(), resources)
        .parse(settings.changeLog(), new ChangeLogParameters(database), resources);
  }

  private <T> T inLiquibaseScope(Scope.ScopedRunnerWithReturn<T> work) throws Exception {
    ClassLoader classLoader = MigrationRunner.class.getClassLoader();
    Map<String, Object> scope =
        Map.of(
            Scope.Attr.resourceAccessor.name(),
            new ClassLoaderResourceAccessor(classLoader),
            Scope.Attr.classLoader.name(),
            classLoader,
            Scope.Attr.ui.name(),
            new LoggerUIService(),
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
            progress);
    return Scope.child(scope, work);
  }

  private static void restoreAutoCommit(Connection connection) throws SQLException {
    // Liquibase leaves auto-commit off; a pooled connection must go back as it came.
    if (!connection.isClosed() && !connection.getAutoCommit()) {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }
}
