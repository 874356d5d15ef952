package com.migochat.runner.index;

import com.migochat.runner.index.SqlWords.Word;
import java.util.Optional;

/**
 * Reads the head of a {@code CREATE INDEX} statement, word by word, as far as the indexed table:
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table}. Anything
 * else (another statement, an index without a name, which PostgreSQL names itself) reads as
 * nothing.
 */
final class CreateIndexReader {

  private final SqlWords words;
  private Word current;

  CreateIndexReader(SqlWords words) {
    this.words = words;
    this.current = words.next().orElse(null);
  }

  Optional<CreatedIndex> read() {
    if (!take("create")) {
      return Optional.empty();
    }
    take("unique");
    if (!take("index")) {
      return Optional.empty();
    }
    boolean concurrently = take("concurrently");
    if (take("if") && !(take("not") && take("exists"))) {
      return Optional.empty();
    }
    if (current != null && current.is("on")) {
      return Optional.empty();
    }
    Optional<Word> name = takeName();
    if (name.isEmpty() || !take("on")) {
      return Optional.empty();
    }
    take("only");
    return table().map(table -> new CreatedIndex(name.get().text(), table, concurrently));
  }

  /** A possibly qualified name, {@code name [. name …]}, each part as written. */
  private Optional<String> table() {
    Optional<Word> part = takeName();
    if (part.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder table = new StringBuilder(part.get().asSql());
    while (take(".")) {
      part = takeName();
      if (part.isEmpty()) {
        return Optional.empty();
      }
      table.append('.').append(part.get().asSql());
    }
    return Optional.of(table.toString());
  }

  /** Takes the next word if it is {@code keyword}; otherwise leaves it for the next step. */
  private boolean take(String keyword) {
    if (current != null && current.is(keyword)) {
      current = words.next().orElse(null);
      return true;
    }
    return false;
  }

  private Optional<Word> takeName() {
    if (current == null || !current.isName()) {
      return Optional.empty();
    }
    Word name = current;
    current = words.next().orElse(null);
    return Optional.of(name);
  }
}
