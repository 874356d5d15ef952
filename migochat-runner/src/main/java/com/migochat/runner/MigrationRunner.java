package com.migochat.runner;

import com.migochat.runner.baseline.Baseline;
import com.migochat.runner.baseline.BaselineResult;
import com.migochat.runner.changeset.ChangeSetDetails;
import com.migochat.runner.changeset.SqlPreview;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.downgrade.DataLoss;
import com.migochat.runner.downgrade.Downgrade;
import com.migochat.runner.downgrade.DowngradeResult;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.drift.CheckDrift;
import com.migochat.runner.drift.DriftReport;
import com.migochat.runner.hazard.CheckHazards;
import com.migochat.runner.hazard.HazardReport;
import com.migochat.runner.history.HistoryPage;
import com.migochat.runner.history.HistoryQuery;
import com.migochat.runner.history.HistoryVersion;
import com.migochat.runner.history.ReadHistory;
import com.migochat.runner.instance.InstanceRegistry;
import com.migochat.runner.liquibase.LiquibaseSession;
import com.migochat.runner.lock.LockControl;
import com.migochat.runner.lock.LockReport;
import com.migochat.runner.lock.UnlockResult;
import com.migochat.runner.offline.OfflineDialect;
import com.migochat.runner.offline.OfflineScript;
import com.migochat.runner.status.CurrentVersion;
import com.migochat.runner.status.HealthReport;
import com.migochat.runner.status.ReadHealth;
import com.migochat.runner.status.ReadOverview;
import com.migochat.runner.status.ReadStatus;
import com.migochat.runner.status.SchemaOverview;
import com.migochat.runner.status.ShowChangeSet;
import com.migochat.runner.status.StatusReport;
import com.migochat.runner.tag.Tag;
import com.migochat.runner.tag.TagResult;
import com.migochat.runner.upgrade.Upgrade;
import com.migochat.runner.upgrade.UpgradeResult;
import com.migochat.runner.upgrade.UpgradeTarget;
import com.migochat.runner.validation.AcceptChecksums;
import com.migochat.runner.validation.ChecksumAcceptance;
import com.migochat.runner.validation.ValidateChangeLog;
import com.migochat.runner.validation.ValidationReport;
import javax.sql.DataSource;

/**
 * Moves a database along Migochat's changelog and tells where it stands: one method per operation,
 * each done by its own class. Built from one {@link MigrationConfiguration}; each call opens and
 * closes its own connections. Every upgrade and downgrade target is first resolved against the
 * history and the pending list into a number of changesets, so the SQL preview of a target is
 * exactly what it would run.
 */
public final class MigrationRunner {

  private final LiquibaseSession session;

  public MigrationRunner(MigrationConfiguration configuration) {
    this.session = new LiquibaseSession(configuration);
  }

  public MigrationConfiguration configuration() {
    return session.configuration();
  }

  /** Applies every pending changeset, backing up first as configured: what a deployment does. */
  public UpgradeResult upgrade() {
    return upgrade(new UpgradeTarget.Head());
  }

  /** Applies pending changesets up to {@code target}, in changelog order. */
  public UpgradeResult upgrade(UpgradeTarget target) {
    return new Upgrade(session).run(target);
  }

  /** The SQL that {@link #upgrade(UpgradeTarget)} would run; changes nothing. */
  public SqlPreview upgradeSql(UpgradeTarget target) {
    return new Upgrade(session).sql(target);
  }

  /**
   * Rolls back every changeset applied after {@code target}, newest first; refuses a rollback that
   * would drop a column or table holding data, unless its changeset says nothing is lost.
   */
  public DowngradeResult downgrade(DowngradeTarget target) {
    return downgrade(target, DataLoss.REFUSE);
  }

  /** {@link #downgrade(DowngradeTarget)}, dropping data only when {@code dataLoss} allows it. */
  public DowngradeResult downgrade(DowngradeTarget target, DataLoss dataLoss) {
    return new Downgrade(session).run(target, dataLoss);
  }

  /** The SQL that {@link #downgrade(DowngradeTarget)} would run; changes nothing. */
  public SqlPreview downgradeSql(DowngradeTarget target) {
    return new Downgrade(session).sql(target);
  }

  /**
   * The SQL that {@link #upgrade(UpgradeTarget)} would run on a database of {@code dialect} that
   * stands at {@code from} ({@code base}, {@code head} or a changeset id), written without one.
   */
  public SqlPreview offlineUpgradeSql(OfflineDialect dialect, String from, UpgradeTarget target) {
    return new OfflineScript(session).upgrade(dialect, from, target);
  }

  /** The SQL that {@link #downgrade(DowngradeTarget)} would run there, written without it. */
  public SqlPreview offlineDowngradeSql(
      OfflineDialect dialect, String from, DowngradeTarget target) {
    return new OfflineScript(session).downgrade(dialect, from, target);
  }

  /** Tags the most recently applied changeset, so a later downgrade can return to it. */
  public TagResult tag(String name) {
    return new Tag(session).tag(name);
  }

  /** Marks a database built without migrations as migrated, if its schema is the changelog's. */
  public BaselineResult baseline(DataSource emptyScratch) {
    return new Baseline(session).run(emptyScratch);
  }

  /**
   * What was changed by hand: the live schema against {@code emptyScratch} migrated to exactly the
   * applied changesets. Changes nothing on the live database.
   */
  public DriftReport drift(DataSource emptyScratch) {
    return new CheckDrift(session).check(emptyScratch);
  }

  /** Accepts checksums an older Liquibase computed for unchanged changesets, with an audit. */
  public ChecksumAcceptance acceptChecksums(String reason) {
    return new AcceptChecksums(session).accept(reason);
  }

  /** Releases the migration lock of a holder that is gone, or of any holder when forced. */
  public UnlockResult unlock(boolean force) {
    return new LockControl(session.connections()).unlock(force);
  }

  /** The migration lock, and whether its holder still runs. Changes nothing. */
  public LockReport lock() {
    return new LockControl(session.connections()).report();
  }

  /** Compares the changelog with the history. Changes nothing. */
  public ValidationReport validate() {
    return new ValidateChangeLog(session).validate();
  }

  /**
   * The lock hazards of the pending changesets, weighed by the live size of their tables: what
   * {@link #upgrade()} refuses to run unless a changeset opts in. Changes nothing.
   */
  public HazardReport lint() {
    return new CheckHazards(session).report();
  }

  /** One changeset with its SQL and its rollback's. Changes nothing. */
  public ChangeSetDetails show(String id) {
    return new ShowChangeSet(session).show(id);
  }

  /** The instances registered on this database: their releases, hosts and heartbeats. */
  public InstanceRegistry instances() {
    return new InstanceRegistry(session.configuration().dataSource());
  }

  /** The history and the pending changesets. Changes nothing. */
  public StatusReport status() {
    return new ReadStatus(session).status();
  }

  /** The schema version. Changes nothing. */
  public CurrentVersion current() {
    return new ReadStatus(session).current();
  }

  /** The version, the lock and the rows of every application table. Changes nothing. */
  public HealthReport health() {
    return new ReadHealth(session).health();
  }

  /** One page of the history, filtered and sorted by the database. */
  public HistoryPage history(HistoryQuery query) {
    return new ReadHistory(session.connections()).page(query);
  }

  /** A cheap summary of the history that changes whenever the history does. */
  public HistoryVersion historyVersion() {
    return new ReadHistory(session.connections()).version();
  }

  /** The console's view: version, pending changesets with their SQL, and drift. */
  public SchemaOverview overview() {
    return new ReadOverview(session).overview();
  }
}
