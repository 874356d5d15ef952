package com.migochat.runner.hazard;

import java.sql.SQLException;
import java.util.List;

/**
 * Whether a column default calls a volatile function ({@code random()}, {@code gen_random_uuid()},
 * {@code clock_timestamp()}, {@code nextval(…)}): PostgreSQL then computes it for every existing
 * row and rewrites the table, where a non-volatile default (a constant, {@code now()}) is stored
 * once. Volatility is the database's own ({@code pg_proc.provolatile}).
 */
final class DefaultExpression {

  private DefaultExpression() {}

  static boolean callsVolatile(String expression, TableCatalog catalog) throws SQLException {
    return callsVolatile(SqlTokens.of(expression), catalog);
  }

  /** A function call is a name followed by an opening parenthesis (or by {@code ()} as one). */
  static boolean callsVolatile(List<String> tokens, TableCatalog catalog) throws SQLException {
    for (int index = 0; index + 1 < tokens.size(); index++) {
      String next = tokens.get(index + 1);
      if ((next.equals("(") || next.equals("()"))
          && catalog.isVolatile(unquoted(tokens.get(index)))) {
        return true;
      }
    }
    return false;
  }

  private static String unquoted(String name) {
    return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
  }
}
