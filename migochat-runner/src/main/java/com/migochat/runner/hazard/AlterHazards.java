package com.migochat.runner.hazard;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterExpression.ColumnDataType;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * The hazards of an {@code ALTER TABLE}, one per clause. JSqlParser 5.3 cannot parse {@code NOT
 * VALID} nor {@code USING INDEX}: a constraint it parses therefore has neither, and the safe forms
 * end up as {@code unparsed-statement}.
 */
final class AlterHazards {

  private final TableCatalog catalog;

  AlterHazards(TableCatalog catalog) {
    this.catalog = catalog;
  }

  List<Hazard> of(Alter alter, String shown) throws SQLException {
    String table = SqlHazards.name(alter.getTable());
    List<Hazard> hazards = new ArrayList<>();
    for (AlterExpression clause : alter.getAlterExpressions()) {
      AlterOperation operation = clause.getOperation();
      if (operation == AlterOperation.ADD) {
        hazards.addAll(added(table, clause, shown));
      } else if (operation == AlterOperation.ALTER && clause.getColDataTypeList() != null) {
        for (ColumnDataType column : clause.getColDataTypeList()) {
          hazards.addAll(altered(table, column, shown));
        }
      } else if (operation == AlterOperation.DROP && clause.getColumnName() != null) {
        hazards.add(new Hazard(HazardRule.DROP_COLUMN, table, shown));
      } else if (operation == AlterOperation.RENAME && clause.getColOldName() != null) {
        hazards.add(new Hazard(HazardRule.RENAME_COLUMN, table, shown));
      } else if (operation == AlterOperation.RENAME_TABLE) {
        hazards.add(new Hazard(HazardRule.RENAME_TABLE, table, shown));
      }
    }
    return hazards;
  }

  private List<Hazard> added(String table, AlterExpression clause, String shown)
      throws SQLException {
    List<Hazard> hazards = new ArrayList<>();
    Index index = clause.getIndex();
    if (index instanceof ForeignKeyIndex key) {
      hazards.add(new Hazard(HazardRule.CONSTRAINT_WITHOUT_NOT_VALID, table, shown));
      hazards.add(
          new Hazard(
              HazardRule.CONSTRAINT_WITHOUT_NOT_VALID, SqlHazards.name(key.getTable()), shown));
    } else if (index instanceof CheckConstraint) {
      hazards.add(new Hazard(HazardRule.CONSTRAINT_WITHOUT_NOT_VALID, table, shown));
    } else if (index != null || clause.getPkColumns() != null || clause.getUkColumns() != null) {
      hazards.add(new Hazard(HazardRule.UNIQUE_WITHOUT_INDEX, table, shown));
    }
    if (clause.getColDataTypeList() != null) {
      for (ColumnDataType column : clause.getColDataTypeList()) {
        hazards.addAll(addedColumn(table, column, shown));
      }
    }
    return hazards;
  }

  private List<Hazard> addedColumn(String table, ColumnDataType column, String shown)
      throws SQLException {
    List<String> specs =
        column.getColumnSpecs() == null
            ? List.of()
            : SqlTokens.upperCased(SqlTokens.of(String.join(" ", column.getColumnSpecs())));
    String type = column.getColDataType().getDataType().toUpperCase(Locale.ROOT);
    List<Hazard> hazards = new ArrayList<>();
    int defaultAt = specs.indexOf("DEFAULT");
    if (type.endsWith("SERIAL")
        || (defaultAt >= 0
            && DefaultExpression.callsVolatile(specs.subList(defaultAt, specs.size()), catalog))) {
      hazards.add(new Hazard(HazardRule.COLUMN_VOLATILE_DEFAULT, table, shown));
    }
    if (containsPair(specs, "NOT", "NULL") && defaultAt < 0 && !type.endsWith("SERIAL")) {
      hazards.add(new Hazard(HazardRule.COLUMN_NOT_NULL_NO_DEFAULT, table, shown));
    }
    if (specs.contains("UNIQUE") || containsPair(specs, "PRIMARY", "KEY")) {
      hazards.add(new Hazard(HazardRule.UNIQUE_WITHOUT_INDEX, table, shown));
    }
    if (specs.contains("REFERENCES")) {
      hazards.add(new Hazard(HazardRule.CONSTRAINT_WITHOUT_NOT_VALID, table, shown));
    }
    return hazards;
  }

  /** {@code ALTER COLUMN c SET NOT NULL} comes back as type {@code SET} with specs NOT NULL. */
  private List<Hazard> altered(String table, ColumnDataType column, String shown)
      throws SQLException {
    String type = column.getColDataType().toString();
    String upper = type.toUpperCase(Locale.ROOT);
    if (upper.equals("SET") || upper.equals("DROP")) {
      List<String> specs = column.getColumnSpecs() == null ? List.of() : column.getColumnSpecs();
      boolean setNotNull =
          upper.equals("SET")
              && containsPair(
                  specs.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList(), "NOT", "NULL");
      return setNotNull ? List.of(new Hazard(HazardRule.SET_NOT_NULL, table, shown)) : List.of();
    }
    if (TypeRewrite.rewrites(catalog.columnType(table, column.getColumnName()), type)) {
      return List.of(new Hazard(HazardRule.COLUMN_TYPE_REWRITE, table, shown));
    }
    return List.of();
  }

  private static boolean containsPair(List<String> tokens, String first, String second) {
    for (int index = 0; index + 1 < tokens.size(); index++) {
      if (tokens.get(index).equals(first) && tokens.get(index + 1).equals(second)) {
        return true;
      }
    }
    return false;
  }
}
