package com.migochat.runner.liquibase;

import com.migochat.runner.failure.MigrationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.resource.ResourceAccessor;

/**
 * A database that is not there: Liquibase's offline database of one type ({@code
 * offline:postgresql}), whose history is a CSV file instead of {@code DATABASECHANGELOG}. Commands
 * on it write their SQL out instead of running it, and, with {@code outputLiquibaseSql=all}, that
 * SQL also creates {@code DATABASECHANGELOG} (when the history file does not exist yet) and inserts
 * and deletes its rows, as the same command would on a live database. The history file is what the
 * offline database remembers between commands: a changeset written out once counts as applied.
 */
public final class OfflineDatabase {

  /** Work with Liquibase on the offline database, inside Migochat's Liquibase scope. */
  @FunctionalInterface
  public interface OfflineWork<T> {
    T run(Database database) throws Exception;
  }

  private OfflineDatabase() {}

  /**
   * Runs {@code work} on an offline database of Liquibase's type {@code shortName} ({@code
   * postgresql}, {@code h2}) whose history is {@code history}; any failure is explained.
   */
  public static <T> T run(
      LiquibaseSession session, String shortName, Path history, OfflineWork<T> work) {
    try {
      return session.inScope(
          () -> {
            Database database = open(shortName, history);
            ChangeLogHistoryServiceFactory services =
                Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class);
            ChangeLogHistoryService service = services.getChangeLogService(database);
            try {
              return work.run(database);
            } finally {
              // The offline connection registered this history service for the whole JVM; a
              // later offline database must not find this one's history file.
              services.unregister(service);
            }
          });
    } catch (MigrationException e) {
      throw e;
    } catch (Exception e) {
      throw MigrationException.unexpected(e);
    }
  }

  private static Database open(String shortName, Path history) throws Exception {
    String url =
        "offline:"
            + shortName
            + "?outputLiquibaseSql=all&changeLogFile="
            + URLEncoder.encode(history.toAbsolutePath().toString(), StandardCharsets.UTF_8);
    OfflineConnection connection =
        new HistoryFileConnection(url, Scope.getCurrentScope().getResourceAccessor(), history);
    return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(connection);
  }

  /** Liquibase's offline connection, with its history kept by {@link OfflineHistoryFile}. */
  private static final class HistoryFileConnection extends OfflineConnection {

    private final Path history;

    HistoryFileConnection(String url, ResourceAccessor resources, Path history) {
      super(url, resources);
      this.history = history;
    }

    @Override
    protected ChangeLogHistoryService createChangeLogHistoryService(Database database) {
      return new OfflineHistoryFile(database, history.toFile());
    }
  }
}
