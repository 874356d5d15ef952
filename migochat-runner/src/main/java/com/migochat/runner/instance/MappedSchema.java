package com.migochat.runner.instance;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The tables and columns a persistence unit maps, lower-cased and sorted, so that what an instance
 * reads and writes can be compared with what a changeset changes. Stored in the registry as compact
 * text: {@code messages(id,text,user_id);users(email,id)}.
 *
 * @param columnsByTable the mapped columns of each mapped table
 */
public record MappedSchema(SortedMap<String, SortedSet<String>> columnsByTable) {

  /** Maps nothing: an instance whose mapping is not known yet. */
  public static final MappedSchema NONE = new MappedSchema(new TreeMap<>());

  public MappedSchema {
    SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
    columnsByTable.forEach(
        (table, columns) ->
            copy.put(
                lower(table),
                Collections.unmodifiableSortedSet(
                    columns.stream()
                        .map(MappedSchema::lower)
                        .collect(Collectors.toCollection(TreeSet::new)))));
    columnsByTable = Collections.unmodifiableSortedMap(copy);
  }

  /** The mapping of {@code columnsByTable}, names in any case. */
  public static MappedSchema of(Map<String, ? extends Collection<String>> columnsByTable) {
    SortedMap<String, SortedSet<String>> sorted = new TreeMap<>();
    columnsByTable.forEach((table, columns) -> sorted.put(table, new TreeSet<>(columns)));
    return new MappedSchema(sorted);
  }

  /** Reads the text {@link #toString()} writes. */
  public static MappedSchema parse(String text) {
    SortedMap<String, SortedSet<String>> tables = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return NONE;
    }
    for (String table : text.split(";")) {
      int open = table.indexOf('(');
      String name = open < 0 ? table : table.substring(0, open);
      SortedSet<String> columns = new TreeSet<>();
      if (open >= 0 && table.endsWith(")")) {
        Arrays.stream(table.substring(open + 1, table.length() - 1).split(","))
            .filter(column -> !column.isEmpty())
            .forEach(columns::add);
      }
      tables.put(name, columns);
    }
    return new MappedSchema(tables);
  }

  /** Whether the unit maps {@code table} (with or without a schema, in any case). */
  public boolean maps(String table) {
    return columnsByTable.containsKey(unqualified(table));
  }

  /** Whether the unit maps {@code column} of {@code table}. */
  public boolean maps(String table, String column) {
    Set<String> columns = columnsByTable.get(unqualified(table));
    return columns != null && columns.contains(lower(column));
  }

  /** The mapped columns of {@code table}; empty when it is not mapped. */
  public Set<String> columns(String table) {
    return columnsByTable.getOrDefault(unqualified(table), Collections.emptySortedSet());
  }

  @Override
  public String toString() {
    return columnsByTable.entrySet().stream()
        .map(table -> table.getKey() + "(" + String.join(",", table.getValue()) + ")")
        .collect(Collectors.joining(";"));
  }

  /** A table name without its schema and quotes, lower-cased. */
  static String unqualified(String table) {
    String name = lower(table);
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String lower(String name) {
    return name.replace("\"", "").strip().toLowerCase(Locale.ROOT);
  }
}
