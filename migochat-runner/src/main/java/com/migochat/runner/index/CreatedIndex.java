package com.migochat.runner.index;

import java.util.Optional;

/**
 * An index a statement creates.
 *
 * @param name the index's name as PostgreSQL stores it (unquoted names folded to lower case)
 * @param table the table it indexes, as SQL (possibly schema-qualified and quoted), for {@code
 *     to_regclass}
 * @param concurrently whether it is built {@code CONCURRENTLY}
 */
public record CreatedIndex(String name, String table, boolean concurrently) {

  /**
   * The index {@code sql} creates, when it is a {@code CREATE INDEX} naming its index: PostgreSQL's
   * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table …}.
   */
  public static Optional<CreatedIndex> readFrom(String sql) {
    return new CreateIndexReader(new SqlWords(sql)).read();
  }
}
