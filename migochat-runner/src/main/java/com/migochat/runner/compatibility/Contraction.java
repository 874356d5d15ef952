package com.migochat.runner.compatibility;

import com.migochat.runner.instance.MappedSchema;

/**
 * Something a change takes away from the schema an older release may still use.
 *
 * @param kind what it does
 * @param table the table it changes, possibly schema-qualified
 * @param column the column it changes; null when it is the whole table's
 * @param columnHasDefault for {@link Kind#SETS_NOT_NULL}: whether the database fills the column
 *     when an insert leaves it out
 * @param statement the change, as Liquibase describes it or as its SQL reads
 */
record Contraction(
    Kind kind, String table, String column, boolean columnHasDefault, String statement) {

  /** What a change takes away, and so what it can break. */
  enum Kind {
    DROPS_TABLE("drops table"),
    RENAMES_TABLE("renames table"),
    DROPS_COLUMN("drops column"),
    RENAMES_COLUMN("renames column"),
    CHANGES_TYPE("changes the type of column"),
    SETS_NOT_NULL("makes NOT NULL column"),
    ADDS_REQUIRED_COLUMN("adds a NOT NULL column without a default,");

    private final String verb;

    Kind(String verb) {
      this.verb = verb;
    }
  }

  static Contraction ofTable(Kind kind, String table, String statement) {
    return new Contraction(kind, table, null, false, statement);
  }

  static Contraction ofColumn(Kind kind, String table, String column, String statement) {
    return new Contraction(kind, table, column, false, statement);
  }

  /**
   * Whether an instance mapping {@code mapping} stops working after this change. EclipseLink reads
   * and writes every mapped column, and inserts none it does not map.
   */
  boolean breaks(MappedSchema mapping) {
    return switch (kind) {
      case DROPS_TABLE, RENAMES_TABLE, ADDS_REQUIRED_COLUMN -> mapping.maps(table);
      case DROPS_COLUMN, RENAMES_COLUMN, CHANGES_TYPE -> mapping.maps(table, column);
      case SETS_NOT_NULL ->
          mapping.maps(table) && (mapping.maps(table, column) || !columnHasDefault);
    };
  }

  /**
   * The mapping of {@code mapping} it breaks, as {@code table.column}, or {@code table} when the
   * release breaks by inserting into the table without the column.
   */
  String target(MappedSchema mapping) {
    return column == null || !mapping.maps(table, column) ? table : table + "." + column;
  }

  /** E.g. "drops column users.email". */
  String describe() {
    return kind.verb + " " + (column == null ? table : table + "." + column);
  }
}
