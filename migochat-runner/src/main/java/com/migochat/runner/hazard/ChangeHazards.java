package com.migochat.runner.hazard;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import liquibase.change.AbstractSQLChange;
import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddNotNullConstraintChange;
import liquibase.change.core.AddPrimaryKeyChange;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DeleteDataChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.RenameColumnChange;
import liquibase.change.core.RenameTableChange;
import liquibase.change.core.UpdateDataChange;
import liquibase.database.Database;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;

/**
 * The hazards of one change, read from Liquibase's change model; {@code <sql>} and {@code
 * <sqlFile>} are split into statements as Liquibase splits them to run them, and each is read by
 * {@link SqlHazards}.
 */
final class ChangeHazards {

  private final TableCatalog catalog;
  private final Database database;
  private final Set<String> createdTables;

  /** {@code createdTables} collects the tables the changeset creates, which are exempt. */
  ChangeHazards(TableCatalog catalog, Database database, Set<String> createdTables) {
    this.catalog = catalog;
    this.database = database;
    this.createdTables = createdTables;
  }

  List<Hazard> of(Change change) throws SQLException {
    String what = change.getDescription();
    List<Hazard> hazards = new ArrayList<>();
    if (change instanceof CreateTableChange create) {
      createdTables.add(table(create.getSchemaName(), create.getTableName()));
    } else if (change instanceof AbstractSQLChange sql) {
      SqlHazards statements = new SqlHazards(catalog, createdTables);
      for (SqlStatement statement : sql.generateStatements(database)) {
        if (statement instanceof RawSqlStatement raw) {
          hazards.addAll(statements.of(raw.getSql()));
        }
      }
    } else if (change instanceof CreateIndexChange index) {
      hazards.add(
          hazard(
              HazardRule.INDEX_NOT_CONCURRENT, index.getSchemaName(), index.getTableName(), what));
    } else if (change instanceof DropIndexChange index) {
      String table =
          index.getTableName() != null
              ? table(index.getSchemaName(), index.getTableName())
              : catalog
                  .tableOfIndex(table(index.getSchemaName(), index.getIndexName()))
                  .orElse(null);
      hazards.add(new Hazard(HazardRule.INDEX_NOT_CONCURRENT, table, what));
    } else if (change instanceof AddColumnChange add) {
      for (AddColumnConfig column : add.getColumns()) {
        hazards.addAll(addedColumn(add.getSchemaName(), add.getTableName(), column, what));
      }
    } else if (change instanceof AddNotNullConstraintChange notNull) {
      hazards.add(
          hazard(HazardRule.SET_NOT_NULL, notNull.getSchemaName(), notNull.getTableName(), what));
      if (notNull.getDefaultNullValue() != null) {
        hazards.add(
            hazard(
                HazardRule.WHOLE_TABLE_DML, notNull.getSchemaName(), notNull.getTableName(), what));
      }
    } else if (change instanceof AddForeignKeyConstraintChange key
        && !Boolean.FALSE.equals(key.getValidate())) {
      hazards.add(
          hazard(
              HazardRule.CONSTRAINT_WITHOUT_NOT_VALID,
              key.getBaseTableSchemaName(),
              key.getBaseTableName(),
              what));
      hazards.add(
          hazard(
              HazardRule.CONSTRAINT_WITHOUT_NOT_VALID,
              key.getReferencedTableSchemaName(),
              key.getReferencedTableName(),
              what));
    } else if (change instanceof AddUniqueConstraintChange unique
        && unique.getForIndexName() == null) {
      hazards.add(
          hazard(
              HazardRule.UNIQUE_WITHOUT_INDEX,
              unique.getSchemaName(),
              unique.getTableName(),
              what));
    } else if (change instanceof AddPrimaryKeyChange key && key.getForIndexName() == null) {
      hazards.add(
          hazard(HazardRule.UNIQUE_WITHOUT_INDEX, key.getSchemaName(), key.getTableName(), what));
    } else if (change instanceof ModifyDataTypeChange type) {
      String table = table(type.getSchemaName(), type.getTableName());
      if (TypeRewrite.rewrites(
          catalog.columnType(table, type.getColumnName()), type.getNewDataType())) {
        hazards.add(new Hazard(HazardRule.COLUMN_TYPE_REWRITE, table, what));
      }
    } else if (change instanceof UpdateDataChange update && update.getWhere() == null) {
      hazards.add(
          hazard(HazardRule.WHOLE_TABLE_DML, update.getSchemaName(), update.getTableName(), what));
    } else if (change instanceof DeleteDataChange delete && delete.getWhere() == null) {
      hazards.add(
          hazard(HazardRule.WHOLE_TABLE_DML, delete.getSchemaName(), delete.getTableName(), what));
    } else if (change instanceof DropColumnChange drop) {
      hazards.add(hazard(HazardRule.DROP_COLUMN, drop.getSchemaName(), drop.getTableName(), what));
    } else if (change instanceof RenameColumnChange rename) {
      hazards.add(
          hazard(HazardRule.RENAME_COLUMN, rename.getSchemaName(), rename.getTableName(), what));
    } else if (change instanceof DropTableChange drop) {
      hazards.add(hazard(HazardRule.DROP_TABLE, drop.getSchemaName(), drop.getTableName(), what));
    } else if (change instanceof RenameTableChange rename) {
      hazards.add(
          hazard(HazardRule.RENAME_TABLE, rename.getSchemaName(), rename.getOldTableName(), what));
    }
    return hazards;
  }

  private List<Hazard> addedColumn(String schema, String table, AddColumnConfig column, String what)
      throws SQLException {
    List<Hazard> hazards = new ArrayList<>();
    boolean volatileDefault =
        Boolean.TRUE.equals(column.isAutoIncrement())
            || column.getDefaultValueSequenceNext() != null
            || (column.getDefaultValueComputed() != null
                && DefaultExpression.callsVolatile(
                    column.getDefaultValueComputed().getValue(), catalog));
    if (volatileDefault) {
      hazards.add(
          hazard(HazardRule.COLUMN_VOLATILE_DEFAULT, schema, table, what + " " + column.getName()));
    }
    ConstraintsConfig constraints = column.getConstraints();
    boolean notNull =
        constraints != null
            && (Boolean.FALSE.equals(constraints.isNullable())
                || Boolean.TRUE.equals(constraints.isPrimaryKey()));
    if (notNull && !hasDefault(column)) {
      hazards.add(
          hazard(
              HazardRule.COLUMN_NOT_NULL_NO_DEFAULT, schema, table, what + " " + column.getName()));
    }
    return hazards;
  }

  private static boolean hasDefault(ColumnConfig column) {
    return column.getDefaultValueObject() != null
        || column.getDefaultValueSequenceNext() != null
        || Boolean.TRUE.equals(column.isAutoIncrement());
  }

  private static Hazard hazard(HazardRule rule, String schema, String table, String what) {
    return new Hazard(rule, table(schema, table), what);
  }

  static String table(String schema, String table) {
    if (table == null) {
      return null;
    }
    return schema == null || schema.isBlank() ? table : schema + "." + table;
  }
}
