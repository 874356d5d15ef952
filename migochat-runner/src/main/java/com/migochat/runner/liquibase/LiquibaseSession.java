package com.migochat.runner.liquibase;

import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.changeset.MigrationProgress;
import com.migochat.runner.config.LockWaitSettings;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.Connections;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.history.ChangeLogHistory;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;

/**
 * The one place that connects, sets up Liquibase's scope, parses the changelog and turns what goes
 * wrong into a {@link MigrationException}: every operation works through it. Each call opens and
 * closes its own connection, and gives a pooled connection back as it came.
 */
public final class LiquibaseSession {

  private final MigrationConfiguration configuration;
  private final ChangeSetFilters filters;
  private final ClassLoader resources;

  public LiquibaseSession(MigrationConfiguration configuration) {
    this.configuration = configuration;
    this.filters = new ChangeSetFilters(configuration);
    this.resources = ChangeLogFolderResources.of(configuration);
  }

  public MigrationConfiguration configuration() {
    return configuration;
  }

  /** Something computed from the history, the parsed changelog and the database. */
  @FunctionalInterface
  public interface ChangeLogReading<T> {
    T read(List<ChangeSetRun> history, DatabaseChangeLog changeLog, Database database)
        throws Exception;
  }

  /** Work with Liquibase on one connection, inside Migochat's Liquibase scope. */
  @FunctionalInterface
  public interface LiquibaseWork<T> {
    T run(Connection connection, Database database) throws Exception;
  }

  /** Work done while holding the migration lock, on the connection that holds it. */
  @FunctionalInterface
  public interface LockedWork<T> {
    T run(Connection connection, Database database, UpgradeLock lock) throws Exception;
  }

  /**
   * Takes the migration lock (waiting for it as Liquibase does), runs {@code work}, releases it.
   */
  public <T> T underLock(LockedWork<T> work) {
    return liquibase(
        (connection, database) -> {
          try (UpgradeLock lock = UpgradeLock.take(database, connection)) {
            return work.run(connection, database, lock);
          }
        });
  }

  /** Plain JDBC on the configured data source. */
  public Connections connections() {
    return new Connections(configuration.dataSource());
  }

  /** Runs {@code work} on a connection; a database that cannot be reached says which setting. */
  public <T> T jdbc(Connections.Work<T> work) {
    return connections().run(work);
  }

  /** Reads the history and parses the changelog on one connection; changes nothing. */
  public <T> T read(ChangeLogReading<T> reading) {
    return liquibase(
        (connection, database) -> {
          List<ChangeSetRun> history = new ChangeLogHistory(connection).newestFirst();
          return reading.read(history, parseChangeLog(database), database);
        });
  }

  /** Runs {@code work} with Liquibase on one connection; any failure is explained. */
  public <T> T liquibase(LiquibaseWork<T> work) {
    try (Connection connection = configuration.dataSource().getConnection()) {
      Database database = database(connection);
      try {
        return inScope(() -> work.run(connection, database));
      } catch (MigrationException e) {
        throw e;
      } catch (Exception e) {
        throw MigrationException.ofRun(e, null, rollsBackDdl(database));
      } finally {
        restoreAutoCommit(connection);
      }
    } catch (SQLException e) {
      throw MigrationException.ofConnection(e);
    }
  }

  /** Runs a Liquibase command on its own connection (see {@link LiquibaseCommand}). */
  public ChangeSetRecorder command(
      String[] command, Map<String, Object> arguments, OutputStream output) {
    return liquibase(
        (connection, database) -> command(database, command, arguments, output, recorder()));
  }

  /**
   * Runs a Liquibase command on {@code database}, from inside {@link #liquibase}; {@code recorder}
   * hears it, with the commands that ran before it when a migration is tried again.
   */
  public ChangeSetRecorder command(
      Database database,
      String[] command,
      Map<String, Object> arguments,
      OutputStream output,
      ChangeSetRecorder recorder) {
    return new LiquibaseCommand(configuration, database).run(command, arguments, output, recorder);
  }

  /** A recorder for {@link #command}, telling the configured progress listener. */
  public ChangeSetRecorder recorder() {
    return new ChangeSetRecorder(configuration.progress(), filters);
  }

  /** The changesets the filters select that have not run, in changelog order. */
  public List<ChangeSet> unrun(DatabaseChangeLog changeLog, Database database) throws Exception {
    return filters.unrun(changeLog, database);
  }

  /** Parses the configured changelog for {@code database}, inside {@link #liquibase}. */
  public DatabaseChangeLog parseChangeLog(Database database) throws Exception {
    ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
    String changeLog = configuration.changeLog();
    return ChangeLogParserFactory.getInstance()
        .getParser(changeLog, accessor)
        .parse(changeLog, filters.parameters(database), accessor);
  }

  /** Parses {@code changeLog} without a database, e.g. to learn which tables it creates. */
  public static DatabaseChangeLog parseWithoutDatabase(String changeLog) throws Exception {
    return LiquibaseScope.run(
        LiquibaseSession.class.getClassLoader(),
        MigrationProgress.SILENT,
        LockWaitSettings.defaults(),
        () -> {
          ResourceAccessor resources = Scope.getCurrentScope().getResourceAccessor();
          return ChangeLogParserFactory.getInstance()
              .getParser(changeLog, resources)
              .parse(changeLog, new ChangeLogParameters(), resources);
        });
  }

  /** Liquibase's view of the database behind {@code connection}. */
  public static Database database(Connection connection) throws SQLException {
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
  public static boolean rollsBackDdl(Database database) {
    return database instanceof PostgresDatabase;
  }

  /** Gives a connection Liquibase left in a transaction back as it came: auto-commit on. */
  public static void restoreAutoCommit(Connection connection) throws SQLException {
    if (!connection.isClosed() && !connection.getAutoCommit()) {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  /** Runs {@code work} inside Migochat's Liquibase scope, reading this session's changelog. */
  <T> T inScope(Scope.ScopedRunnerWithReturn<T> work) throws Exception {
    return LiquibaseScope.run(resources, configuration.progress(), configuration.lockWaits(), work);
  }
}
