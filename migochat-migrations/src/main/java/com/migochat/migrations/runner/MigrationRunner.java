package com.migochat.migrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.StatusCommandStep;
import liquibase.command.core.UpdateCommandStep;
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
 * Brings a database to the head of Migochat's changelog and tells where it stands. One instance per
 * data source; each call opens and closes its own connection.
 */
public final class MigrationRunner {

  private final DataSource dataSource;
  private final MigrationSettings settings;

  public MigrationRunner(DataSource dataSource, MigrationSettings settings) {
    this.dataSource = dataSource;
    this.settings = settings;
  }

  /** Applies every pending changeset, in changelog order, under Liquibase's lock. */
  public UpgradeResult upgrade() {
    long started = System.nanoTime();
    ChangeSetRecorder recorder =
        run(
            UpdateCommandStep.COMMAND_NAME,
            Map.of(
                UpdateCommandStep.CONTEXTS_ARG.getName(),
                settings.contexts(),
                ShowSummaryArgument.SHOW_SUMMARY_OUTPUT.getName(),
                UpdateSummaryOutputEnum.LOG));
    return new UpgradeResult(recorder.applied(), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Rolls back the {@code count} most recently applied changesets, newest first. */
  public DowngradeResult downgrade(int count) {
    if (count < 1) {
      throw new IllegalArgumentException(
          "Cannot downgrade by " + count + " changesets: give a count of 1 or more");
    }
    long started = System.nanoTime();
    ChangeSetRecorder recorder =
        run(
            RollbackCountCommandStep.COMMAND_NAME,
            Map.of(RollbackCountCommandStep.COUNT_ARG.getName(), count));
    return new DowngradeResult(
        recorder.rolledBack(), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Reads the history and lists the changesets that have not run; changes nothing. */
  public StatusReport status() {
    try (Connection connection = connect()) {
      List<ChangeSetRun> history = new ChangeLogHistory(connection).newestFirst();
      Database database = liquibaseDatabase(connection);
      try {
        List<ChangeSetRef> pending =
            inLiquibaseScope(
                () -> {
                  DatabaseChangeLog changeLog = parseChangeLog(database);
                  return new StatusCommandStep()
                          .listUnrunChangeSets(
                              new Contexts(settings.contexts()),
                              new LabelExpression(),
                              changeLog,
                              database)
                          .stream()
                          .map(ChangeSetRecorder::refOf)
                          .toList();
                });
        return new StatusReport(history, pending);
      } catch (Exception e) {
        throw new MigrationException(FailureAnalysis.ofRun(e, null, rollsBackDdl(database)), e);
      } finally {
        restoreAutoCommit(connection);
      }
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    }
  }

  private ChangeSetRecorder run(String[] command, Map<String, Object> arguments) {
    ChangeSetRecorder recorder = new ChangeSetRecorder();
    try (Connection connection = connect()) {
      Database database = liquibaseDatabase(connection);
      try {
        inLiquibaseScope(
            () -> {
              CommandScope scope =
                  new CommandScope(command)
                      .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                      .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, settings.changeLog())
                      .addArgumentValue(
                          ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, recorder);
              arguments.forEach(scope::addArgumentValue);
              return scope.execute();
            });
      } catch (Exception e) {
        throw new MigrationException(
            FailureAnalysis.ofRun(e, recorder.failed().orElse(null), rollsBackDdl(database)), e);
      } finally {
        restoreAutoCommit(connection);
      }
      return recorder;
    } catch (SQLException e) {
      throw new MigrationException(FailureAnalysis.ofConnection(e), e);
    }
  }

  private Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  private static Database liquibaseDatabase(Connection connection) throws SQLException {
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
            Boolean.FALSE);
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
