package com.migochat.runner.hazard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;

/**
 * SQL split into tokens by JSqlParser's own lexer (comments dropped, quoted names and strings kept
 * whole): what is left to read where JSqlParser's grammar has no rule for a statement, or hands a
 * column's default back as tokens.
 */
final class SqlTokens {

  private SqlTokens() {}

  static List<String> of(String sql) {
    // JSqlParser 5.3's lexer fails on an empty input (a column added with no constraint).
    if (sql.isBlank()) {
      return List.of();
    }
    CCJSqlParserTokenManager lexer =
        new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(sql)));
    List<String> tokens = new ArrayList<>();
    for (Token token = lexer.getNextToken();
        token.kind != CCJSqlParserConstants.EOF;
        token = lexer.getNextToken()) {
      tokens.add(token.image);
    }
    return tokens;
  }

  /** The same tokens upper-cased (quoted ones as they are), to compare with keywords. */
  static List<String> upperCased(List<String> tokens) {
    return tokens.stream()
        .map(t -> t.startsWith("\"") || t.startsWith("'") ? t : t.toUpperCase(Locale.ROOT))
        .toList();
  }
}
