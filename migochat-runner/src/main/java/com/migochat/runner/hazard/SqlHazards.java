package com.migochat.runner.hazard;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/**
 * The hazards of one SQL statement, read from JSqlParser's syntax tree. What its grammar does not
 * cover goes to {@link MaintenanceStatements}; anything else is reported as {@code
 * unparsed-statement}, never guessed at.
 */
final class SqlHazards {

  private final TableCatalog catalog;
  private final Set<String> createdTables;

  SqlHazards(TableCatalog catalog, Set<String> createdTables) {
    this.catalog = catalog;
    this.createdTables = createdTables;
  }

  List<Hazard> of(String sql) throws SQLException {
    String shown = shown(sql);
    Statement statement;
    try {
      statement = CCJSqlParserUtil.parse(sql);
    } catch (JSQLParserException e) {
      return MaintenanceStatements.read(SqlTokens.of(sql), shown, catalog)
          .orElse(List.of(new Hazard(HazardRule.UNPARSED_STATEMENT, null, shown)));
    }
    List<Hazard> hazards = new ArrayList<>();
    if (statement instanceof CreateTable create) {
      createdTables.add(name(create.getTable()));
    } else if (statement instanceof CreateIndex create) {
      hazards.add(new Hazard(HazardRule.INDEX_NOT_CONCURRENT, name(create.getTable()), shown));
    } else if (statement instanceof Drop drop) {
      hazards.addAll(dropped(drop, shown));
    } else if (statement instanceof Alter alter) {
      hazards.addAll(new AlterHazards(catalog).of(alter, shown));
    } else if (statement instanceof Truncate truncate && truncate.getCascade()) {
      hazards.add(new Hazard(HazardRule.TRUNCATE_CASCADE, name(truncate.getTable()), shown));
    } else if (statement instanceof Update update && update.getWhere() == null) {
      hazards.add(new Hazard(HazardRule.WHOLE_TABLE_DML, name(update.getTable()), shown));
    } else if (statement instanceof Delete delete && delete.getWhere() == null) {
      hazards.add(new Hazard(HazardRule.WHOLE_TABLE_DML, name(delete.getTable()), shown));
    }
    return hazards;
  }

  /**
   * JSqlParser 5.3 reads {@code DROP INDEX CONCURRENTLY i} as an index named {@code CONCURRENTLY}
   * with the parameter {@code i}: that shape is the concurrent drop.
   */
  private List<Hazard> dropped(Drop drop, String shown) throws SQLException {
    String type = drop.getType().toUpperCase(java.util.Locale.ROOT);
    String name = name(drop.getName());
    if (type.equals("TABLE")) {
      return List.of(new Hazard(HazardRule.DROP_TABLE, name, shown));
    }
    boolean concurrently =
        name.equalsIgnoreCase("CONCURRENTLY")
            && drop.getParameters() != null
            && !drop.getParameters().isEmpty();
    if (!type.equals("INDEX") || concurrently) {
      return List.of();
    }
    return List.of(
        new Hazard(
            HazardRule.INDEX_NOT_CONCURRENT, catalog.tableOfIndex(name).orElse(null), shown));
  }

  static String name(Table table) {
    return table == null ? null : table.getFullyQualifiedName();
  }

  /** The statement on one line, cut to a readable length. */
  static String shown(String sql) {
    String line = sql.strip().replaceAll("\\s+", " ");
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }
}
