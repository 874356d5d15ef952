package com.migochat.runner.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.CreateProcedureChange;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The tables a changeset touches, read from Liquibase's change model (the table attributes of each
 * change) and, for {@code <sql>} and {@code <sqlFile>}, from each statement as JSqlParser reads it.
 * What cannot be read (a custom change, a procedure, SQL JSqlParser does not parse) is listed as
 * unreadable, so that nobody takes "no common table" for granted.
 *
 * @param tables the tables touched, lower-case, without schema or quotes
 * @param unreadable what in the changeset could not be read, in words
 */
record TouchedTables(Set<String> tables, List<String> unreadable) {

  private static final List<String> TABLE_FIELDS =
      List.of("tableName", "baseTableName", "referencedTableName", "oldTableName", "newTableName");

  static TouchedTables of(ChangeSet changeSet, Database database) {
    Set<String> tables = new TreeSet<>();
    List<String> unreadable = new ArrayList<>();
    for (Change change : changeSet.getChanges()) {
      if (change instanceof AbstractSQLChange sql) {
        for (SqlStatement statement : sql.generateStatements(database)) {
          if (statement instanceof RawSqlStatement raw) {
            read(raw.getSql(), tables, unreadable);
          }
        }
      } else if (change instanceof CustomChangeWrapper || change instanceof CreateProcedureChange) {
        unreadable.add(change.getDescription());
      } else {
        for (String field : TABLE_FIELDS) {
          if (change.getSerializableFieldValue(field) instanceof String table) {
            tables.add(name(table));
          }
        }
      }
    }
    return new TouchedTables(tables, unreadable);
  }

  private static void read(String sql, Set<String> tables, List<String> unreadable) {
    try {
      TablesNamesFinder.findTables(sql).forEach(table -> tables.add(name(table)));
    } catch (JSQLParserException | RuntimeException e) {
      String statement = sql.strip().replaceAll("\\s+", " ");
      unreadable.add(
          "the statement '"
              + (statement.length() > 60 ? statement.substring(0, 60) + "..." : statement)
              + "'");
    }
  }

  /** {@code public."Users"} and {@code users} are the same table here. */
  private static String name(String table) {
    String last = table.substring(table.lastIndexOf('.') + 1);
    return last.replace("\"", "").toLowerCase(Locale.ROOT);
  }
}
