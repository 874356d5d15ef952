package com.migochat.runner.offline;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.liquibase.LiquibaseSession;
import com.migochat.runner.liquibase.OfflineDatabase;
import com.migochat.runner.status.StatusReport;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.RanChangeSet;
import liquibase.command.core.RollbackCountSqlCommandStep;
import liquibase.command.core.UpdateCountSqlCommandStep;
import liquibase.database.Database;

/**
 * The history of a database that is not there, kept by Liquibase in a CSV file: what the offline
 * database counts as applied. While the file does not exist, the database is empty, and the next
 * script written starts by creating the history table.
 */
final class OfflineHistory {

  private static final String COUNT = "count";
  private static final String CONTEXTS = "contextFilter";
  private static final Pattern AGAINST = Pattern.compile("(?m)^-- Against: .*$");

  private final LiquibaseSession session;
  private final OfflineDialect dialect;
  private final Path folder;
  private final Path file;

  OfflineHistory(LiquibaseSession session, OfflineDialect dialect, Path folder) {
    this.session = session;
    this.dialect = dialect;
    this.folder = folder;
    this.file = folder.resolve("databasechangelog.csv");
  }

  /**
   * Counts {@code from} and every changeset before it as applied: nothing for {@link
   * OfflineScript#BASE}, everything for {@link OfflineScript#HEAD}. Refuses an unknown changeset.
   */
  void markApplied(String from) {
    if (OfflineScript.BASE.equals(from)) {
      return;
    }
    StatusReport empty = status();
    int steps =
        OfflineScript.HEAD.equals(from)
            ? empty.pending().size()
            : new UpgradeTarget.ToChangeSet(from).stepsFrom(empty);
    if (steps > 0) {
      write(
          UpdateCountSqlCommandStep.COMMAND_NAME,
          upgradeArguments(steps),
          OutputStream.nullOutputStream());
    }
  }

  /** What the offline database has applied, newest first, and what is pending. */
  StatusReport status() {
    Path readable = Files.exists(file) ? file : emptyHistory();
    return OfflineDatabase.run(
        session,
        dialect.shortName(),
        readable,
        database -> {
          List<ChangeSetRun> history = new ArrayList<>();
          List<RanChangeSet> ran = ranChangeSets(database);
          for (int index = 0; index < ran.size(); index++) {
            history.add(run(ran.get(index), index + 1));
          }
          Collections.reverse(history);
          return new StatusReport(
              history,
              session.unrun(session.parseChangeLog(database), database).stream()
                  .map(ChangeSetRef::of)
                  .toList());
        });
  }

  /** The script that applies the next {@code steps} pending changesets, and counts them applied. */
  String upgradeSql(int steps) {
    ByteArrayOutputStream sql = new ByteArrayOutputStream();
    write(UpdateCountSqlCommandStep.COMMAND_NAME, upgradeArguments(steps), sql);
    return script(sql);
  }

  /** The script that rolls back the last {@code steps} applied changesets, newest first. */
  String downgradeSql(int steps) {
    ByteArrayOutputStream sql = new ByteArrayOutputStream();
    write(RollbackCountSqlCommandStep.COMMAND_NAME, Map.of(COUNT, steps), sql);
    return script(sql);
  }

  /** Liquibase's script, whose header names the database as the offline type alone. */
  private String script(ByteArrayOutputStream sql) {
    // Liquibase writes the offline URL there, with the path of this throwaway history file.
    return AGAINST
        .matcher(sql.toString(StandardCharsets.UTF_8))
        .replaceAll("-- Against: offline:" + dialect.shortName());
  }

  private Map<String, Object> upgradeArguments(int steps) {
    return Map.of(COUNT, steps, CONTEXTS, session.configuration().contexts());
  }

  private void write(String[] command, Map<String, Object> arguments, OutputStream output) {
    OfflineDatabase.run(
        session,
        dialect.shortName(),
        file,
        database -> session.command(database, command, arguments, output, session.recorder()));
  }

  /** A history file with no rows: an empty database whose history table exists. */
  private Path emptyHistory() {
    Path empty = folder.resolve("empty.csv");
    try {
      Files.deleteIfExists(empty);
      return Files.createFile(empty);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + empty, e);
    }
  }

  private static List<RanChangeSet> ranChangeSets(Database database) throws Exception {
    return Scope.getCurrentScope()
        .getSingleton(ChangeLogHistoryServiceFactory.class)
        .getChangeLogService(database)
        .getRanChangeSets();
  }

  private static ChangeSetRun run(RanChangeSet ran, int order) {
    return new ChangeSetRun(
        new ChangeSetRef(ran.getId(), ran.getAuthor(), ran.getChangeLog()),
        ran.getDateExecuted() == null ? null : ran.getDateExecuted().toInstant(),
        order,
        ran.getExecType() == null ? null : ran.getExecType().value,
        ran.getLastCheckSum() == null ? null : ran.getLastCheckSum().toString(),
        ran.getDescription(),
        ran.getComments(),
        ran.getTag(),
        ran.getLiquibaseVersion(),
        ran.getDeploymentId());
  }
}
