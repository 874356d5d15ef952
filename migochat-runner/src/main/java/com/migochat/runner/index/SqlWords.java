package com.migochat.runner.index;

import java.util.Locale;
import java.util.Optional;

/**
 * The words of an SQL statement, one at a time, as PostgreSQL reads them: white space and both
 * kinds of comment skipped, unquoted names folded to lower case, quoted names kept as written, any
 * other character a word of its own. It reads only as far as asked, so the rest of a statement
 * (strings, dollar quotes, expressions) never needs understanding.
 */
final class SqlWords {

  /**
   * One word.
   *
   * @param text the name as PostgreSQL stores it, or the character
   * @param quoted whether it was a quoted name
   */
  record Word(String text, boolean quoted) {

    boolean is(String keyword) {
      return !quoted && text.equals(keyword);
    }

    boolean isName() {
      return quoted || Character.isLetter(text.charAt(0)) || text.charAt(0) == '_';
    }

    /** The word as SQL again: quoted when it was. */
    String asSql() {
      return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
  }

  private final String sql;
  private int position;

  SqlWords(String sql) {
    this.sql = sql;
  }

  Optional<Word> next() {
    skipSpaceAndComments();
    if (position >= sql.length()) {
      return Optional.empty();
    }
    char first = sql.charAt(position);
    if (first == '"') {
      return Optional.of(new Word(quotedName(), true));
    }
    if (isNamePart(first)) {
      int start = position;
      while (position < sql.length() && isNamePart(sql.charAt(position))) {
        position++;
      }
      return Optional.of(new Word(sql.substring(start, position).toLowerCase(Locale.ROOT), false));
    }
    position++;
    return Optional.of(new Word(String.valueOf(first), false));
  }

  private String quotedName() {
    StringBuilder name = new StringBuilder();
    position++;
    while (position < sql.length()) {
      char c = sql.charAt(position++);
      if (c != '"') {
        name.append(c);
      } else if (position < sql.length() && sql.charAt(position) == '"') {
        name.append('"');
        position++;
      } else {
        break;
      }
    }
    return name.toString();
  }

  private void skipSpaceAndComments() {
    while (position < sql.length()) {
      if (Character.isWhitespace(sql.charAt(position))) {
        position++;
      } else if (sql.startsWith("--", position)) {
        int end = sql.indexOf('\n', position);
        position = end < 0 ? sql.length() : end + 1;
      } else if (sql.startsWith("/*", position)) {
        skipBlockComment();
      } else {
        return;
      }
    }
  }

  /** PostgreSQL's block comments nest. */
  private void skipBlockComment() {
    int depth = 0;
    while (position < sql.length()) {
      if (sql.startsWith("/*", position)) {
        depth++;
        position += 2;
      } else if (sql.startsWith("*/", position)) {
        depth--;
        position += 2;
        if (depth == 0) {
          return;
        }
      } else {
        position++;
      }
    }
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
