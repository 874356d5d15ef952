package com.migochat.runner.index;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.CreateIndexChange;
import liquibase.database.Database;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.CreateIndexStatement;
import liquibase.statement.core.RawSqlStatement;
import liquibase.structure.core.Index;

/**
 * The named indexes a change creates: Liquibase's {@code createIndex}, and each {@code CREATE
 * INDEX} statement of an {@code sql} or {@code sqlFile} change (Liquibase has no {@code
 * createIndex} that builds concurrently, so concurrent builds are SQL). Other changes are not asked
 * for their statements: a custom task change would run when asked.
 */
public final class IndexesCreated {

  private IndexesCreated() {}

  public static List<CreatedIndex> by(Change change, Database database) {
    if (!(change instanceof AbstractSQLChange || change instanceof CreateIndexChange)) {
      return List.of();
    }
    List<CreatedIndex> indexes = new ArrayList<>();
    for (SqlStatement statement : change.generateStatements(database)) {
      if (statement instanceof RawSqlStatement raw) {
        CreatedIndex.readFrom(raw.getSql()).ifPresent(indexes::add);
      } else if (statement instanceof CreateIndexStatement index && index.getIndexName() != null) {
        indexes.add(
            new CreatedIndex(
                database.correctObjectName(index.getIndexName(), Index.class),
                database.escapeTableName(
                    index.getTableCatalogName(), index.getTableSchemaName(), index.getTableName()),
                false));
      }
    }
    return indexes;
  }
}
