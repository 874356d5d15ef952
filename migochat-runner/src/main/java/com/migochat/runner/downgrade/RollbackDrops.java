package com.migochat.runner.downgrade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.drop.Drop;

/**
 * The columns and tables a changeset's rollback drops, read from the SQL the rollback runs (its
 * {@code <rollback>} block, or what Liquibase derives from the changes), so that {@code
 * <dropColumn>}, {@code <dropTable>}, the inverse of {@code <addColumn>} and {@code <createTable>},
 * and a {@code DROP TABLE} or {@code ALTER TABLE ... DROP COLUMN} in {@code <sql>} are all seen.
 */
final class RollbackDrops {

  /**
   * A dropped column, or a dropped table when {@code column} is null, named as the SQL names it.
   */
  record Dropped(String table, String column) {}

  private RollbackDrops() {}

  static List<Dropped> of(ChangeSet changeSet, Database database) throws Exception {
    List<Dropped> dropped = new ArrayList<>();
    for (String sql : rollbackSql(changeSet, database)) {
      Statement statement;
      try {
        statement = CCJSqlParserUtil.parse(sql);
      } catch (JSQLParserException e) {
        continue; // JSqlParser cannot read it: what it drops, if anything, goes uncounted
      }
      if (statement instanceof Drop drop && "TABLE".equalsIgnoreCase(drop.getType())) {
        dropped.add(new Dropped(drop.getName().getFullyQualifiedName(), null));
      } else if (statement instanceof Alter alter) {
        for (AlterExpression expression : alter.getAlterExpressions()) {
          if (expression.getOperation() == AlterOperation.DROP
              && expression.getColumnName() != null) {
            dropped.add(
                new Dropped(alter.getTable().getFullyQualifiedName(), expression.getColumnName()));
          }
        }
      }
    }
    return dropped;
  }

  /** The rollback's statements; none when Liquibase cannot roll the changeset back. */
  private static List<String> rollbackSql(ChangeSet changeSet, Database database) throws Exception {
    List<Change> explicit = changeSet.getRollback().getChanges();
    boolean derived = explicit.isEmpty();
    List<Change> changes = new ArrayList<>(derived ? changeSet.getChanges() : explicit);
    if (derived) {
      Collections.reverse(changes);
      if (changes.stream().anyMatch(change -> !change.supportsRollback(database))) {
        return List.of();
      }
    }
    List<String> sql = new ArrayList<>();
    for (Change change : changes) {
      // Asked for its statements, a custom change must not run.
      SqlStatement[] statements =
          Scope.child(
              Map.of(Change.SHOULD_EXECUTE, Boolean.FALSE),
              () ->
                  derived
                      ? change.generateRollbackStatements(database)
                      : change.generateStatements(database));
      for (Sql one : SqlGeneratorFactory.getInstance().generateSql(statements, database)) {
        sql.add(one.toSql());
      }
    }
    return sql;
  }
}
