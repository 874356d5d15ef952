package com.migochat.runner.index;

/**
 * An index PostgreSQL marks invalid ({@code pg_index.indisvalid = false}): a concurrent build or
 * reindex failed (or is still running). PostgreSQL keeps it up to date on every write but never
 * uses it, neither for queries nor to enforce uniqueness.
 *
 * @param name its schema-qualified name, quoted where needed, as SQL
 * @param table the table it indexes, schema-qualified where needed, as SQL
 * @param tableName the table's name alone, as the catalog stores it
 * @param definition its {@code CREATE INDEX} statement, from {@code pg_get_indexdef}
 */
public record InvalidIndex(String name, String table, String tableName, String definition) {}
