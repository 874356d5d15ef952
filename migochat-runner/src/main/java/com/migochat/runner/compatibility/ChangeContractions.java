package com.migochat.runner.compatibility;

import com.migochat.runner.compatibility.Contraction.Kind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.AbstractSQLChange;
import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddNotNullConstraintChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.RenameColumnChange;
import liquibase.change.core.RenameTableChange;
import liquibase.database.Database;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;

/**
 * What one change takes away, read from Liquibase's change model; {@code <sql>} and {@code
 * <sqlFile>} are split into statements as Liquibase runs them and read by {@link SqlContractions}.
 */
final class ChangeContractions {

  private final Database database;
  private final ColumnCatalog catalog;

  ChangeContractions(Database database, ColumnCatalog catalog) {
    this.database = database;
    this.catalog = catalog;
  }

  List<Contraction> of(Change change) throws SQLException {
    String what = change.getDescription();
    List<Contraction> found = new ArrayList<>();
    if (change instanceof AbstractSQLChange sql) {
      SqlContractions statements = new SqlContractions(catalog);
      for (SqlStatement statement : sql.generateStatements(database)) {
        if (statement instanceof RawSqlStatement raw) {
          found.addAll(statements.of(raw.getSql()));
        }
      }
    } else if (change instanceof DropTableChange drop) {
      found.add(Contraction.ofTable(Kind.DROPS_TABLE, drop.getTableName(), what));
    } else if (change instanceof RenameTableChange rename) {
      found.add(Contraction.ofTable(Kind.RENAMES_TABLE, rename.getOldTableName(), what));
    } else if (change instanceof DropColumnChange drop) {
      List<String> columns = new ArrayList<>();
      if (drop.getColumnName() != null) {
        columns.add(drop.getColumnName());
      }
      drop.getColumns().forEach(column -> columns.add(column.getName()));
      for (String column : columns) {
        found.add(Contraction.ofColumn(Kind.DROPS_COLUMN, drop.getTableName(), column, what));
      }
    } else if (change instanceof RenameColumnChange rename) {
      found.add(
          Contraction.ofColumn(
              Kind.RENAMES_COLUMN, rename.getTableName(), rename.getOldColumnName(), what));
    } else if (change instanceof ModifyDataTypeChange type
        && !catalog.widens(type.getTableName(), type.getColumnName(), type.getNewDataType())) {
      found.add(
          Contraction.ofColumn(Kind.CHANGES_TYPE, type.getTableName(), type.getColumnName(), what));
    } else if (change instanceof AddNotNullConstraintChange notNull) {
      found.add(
          new Contraction(
              Kind.SETS_NOT_NULL,
              notNull.getTableName(),
              notNull.getColumnName(),
              catalog.hasDefault(notNull.getTableName(), notNull.getColumnName()),
              what));
    } else if (change instanceof AddColumnChange add) {
      for (AddColumnConfig column : add.getColumns()) {
        if (requiredWithoutDefault(column)) {
          found.add(
              Contraction.ofColumn(
                  Kind.ADDS_REQUIRED_COLUMN, add.getTableName(), column.getName(), what));
        }
      }
    }
    return found;
  }

  private static boolean requiredWithoutDefault(ColumnConfig column) {
    boolean notNull =
        column.getConstraints() != null
            && (Boolean.FALSE.equals(column.getConstraints().isNullable())
                || Boolean.TRUE.equals(column.getConstraints().isPrimaryKey()));
    boolean filled =
        column.getDefaultValueObject() != null
            || column.getDefaultValueSequenceNext() != null
            || Boolean.TRUE.equals(column.isAutoIncrement());
    return notNull && !filled;
  }
}
