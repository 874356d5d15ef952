package com.migochat.runner.liquibase;

import com.migochat.runner.changeset.ChangeSetDetails;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.exception.LiquibaseException;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;

/** The SQL a changeset and its rollback run on a database, generated without running it. */
public final class ChangeSetSql {

  private ChangeSetSql() {}

  public static ChangeSetDetails describe(ChangeSet changeSet, ChangeSetRun run, Database database)
      throws LiquibaseException {
    List<String> changes = changeSet.getChanges().stream().map(Change::getDescription).toList();
    return new ChangeSetDetails(
        ChangeSetRef.of(changeSet),
        changeSet.getComments() == null ? "" : changeSet.getComments().strip(),
        changes,
        run,
        sqlOf(changeSet.getChanges(), database, false),
        rollbackSqlOf(changeSet, database));
  }

  private static String rollbackSqlOf(ChangeSet changeSet, Database database)
      throws LiquibaseException {
    List<Change> explicit = changeSet.getRollback().getChanges();
    if (!explicit.isEmpty()) {
      return sqlOf(explicit, database, false);
    }
    List<Change> reversed = new ArrayList<>(changeSet.getChanges());
    Collections.reverse(reversed);
    if (reversed.stream().anyMatch(change -> !change.supportsRollback(database))) {
      return null;
    }
    return sqlOf(reversed, database, true);
  }

  private static String sqlOf(List<Change> changes, Database database, boolean rollback)
      throws LiquibaseException {
    List<String> lines = new ArrayList<>();
    for (Change change : changes) {
      SqlStatement[] statements = statementsOf(change, database, rollback);
      for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(statements, database)) {
        lines.add(sql.toSql() + sql.getEndDelimiter());
      }
      if (statements.length == 0 && change instanceof CustomChangeWrapper) {
        lines.add(database.getLineComment() + " " + change.getConfirmationMessage());
      }
    }
    return String.join("\n", lines);
  }

  /**
   * The statements of a change, with Liquibase told not to execute anything: a custom task change
   * (such as a batched update) would otherwise run when asked for them.
   */
  private static SqlStatement[] statementsOf(Change change, Database database, boolean rollback)
      throws LiquibaseException {
    try {
      return Scope.child(
          Map.of(Change.SHOULD_EXECUTE, Boolean.FALSE),
          () ->
              rollback
                  ? change.generateRollbackStatements(database)
                  : change.generateStatements(database));
    } catch (LiquibaseException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new LiquibaseException(e);
    }
  }
}
