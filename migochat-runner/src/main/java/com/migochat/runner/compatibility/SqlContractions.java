package com.migochat.runner.compatibility;

import com.migochat.runner.compatibility.Contraction.Kind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterExpression.ColumnDataType;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.drop.Drop;

/**
 * What one SQL statement takes away, read from JSqlParser's syntax tree: {@code DROP TABLE} and the
 * {@code ALTER TABLE} clauses that drop, rename, retype or require a column. A statement it cannot
 * parse takes nothing away here ({@code migochat lint} reports it as {@code unparsed-statement}).
 */
final class SqlContractions {

  private final ColumnCatalog catalog;

  SqlContractions(ColumnCatalog catalog) {
    this.catalog = catalog;
  }

  List<Contraction> of(String sql) throws SQLException {
    String shown = sql.strip().replaceAll("\\s+", " ");
    Statement statement;
    try {
      statement = CCJSqlParserUtil.parse(sql);
    } catch (JSQLParserException e) {
      return List.of();
    }
    List<Contraction> found = new ArrayList<>();
    if (statement instanceof Drop drop && drop.getType().equalsIgnoreCase("TABLE")) {
      found.add(Contraction.ofTable(Kind.DROPS_TABLE, drop.getName().getName(), shown));
    } else if (statement instanceof Alter alter) {
      String table = alter.getTable().getName();
      for (AlterExpression clause : alter.getAlterExpressions()) {
        found.addAll(of(table, clause, shown));
      }
    }
    return found;
  }

  private List<Contraction> of(String table, AlterExpression clause, String shown)
      throws SQLException {
    AlterOperation operation = clause.getOperation();
    List<Contraction> found = new ArrayList<>();
    if (operation == AlterOperation.DROP && clause.getColumnName() != null) {
      found.add(Contraction.ofColumn(Kind.DROPS_COLUMN, table, clause.getColumnName(), shown));
    } else if (operation == AlterOperation.RENAME && clause.getColOldName() != null) {
      found.add(Contraction.ofColumn(Kind.RENAMES_COLUMN, table, clause.getColOldName(), shown));
    } else if (operation == AlterOperation.RENAME_TABLE) {
      found.add(Contraction.ofTable(Kind.RENAMES_TABLE, table, shown));
    } else if (clause.getColDataTypeList() != null) {
      for (ColumnDataType column : clause.getColDataTypeList()) {
        Contraction contraction = of(table, operation, column, shown);
        if (contraction != null) {
          found.add(contraction);
        }
      }
    }
    return found;
  }

  /** {@code ALTER COLUMN c SET NOT NULL} comes back as type {@code SET} with specs NOT NULL. */
  private Contraction of(
      String table, AlterOperation operation, ColumnDataType column, String shown)
      throws SQLException {
    String name = column.getColumnName();
    String type = column.getColDataType().toString();
    String specs =
        column.getColumnSpecs() == null
            ? ""
            : String.join(" ", column.getColumnSpecs()).toUpperCase(Locale.ROOT);
    if (operation == AlterOperation.ADD) {
      boolean required = specs.contains("NOT NULL") && !specs.contains("DEFAULT");
      return required && !type.toUpperCase(Locale.ROOT).endsWith("SERIAL")
          ? Contraction.ofColumn(Kind.ADDS_REQUIRED_COLUMN, table, name, shown)
          : null;
    }
    if (operation != AlterOperation.ALTER && operation != AlterOperation.MODIFY) {
      return null;
    }
    if (type.equalsIgnoreCase("SET")) {
      return specs.contains("NOT NULL")
          ? new Contraction(Kind.SETS_NOT_NULL, table, name, catalog.hasDefault(table, name), shown)
          : null;
    }
    if (type.equalsIgnoreCase("DROP")) {
      return null;
    }
    String newType = type.toUpperCase(Locale.ROOT).startsWith("TYPE ") ? type.substring(5) : type;
    return catalog.widens(table, name, newType)
        ? null
        : Contraction.ofColumn(Kind.CHANGES_TYPE, table, name, shown);
  }
}
