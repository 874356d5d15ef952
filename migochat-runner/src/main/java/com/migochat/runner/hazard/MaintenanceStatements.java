package com.migochat.runner.hazard;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The statements JSqlParser 5.3's grammar has no rule for but whose syntax is a fixed keyword
 * sequence, read from its lexer's tokens: {@code VACUUM}, {@code CLUSTER}, {@code REINDEX}, and
 * {@code CREATE [UNIQUE] INDEX CONCURRENTLY} (safe). Empty for any other statement.
 */
final class MaintenanceStatements {

  private static final Set<String> VACUUM_OPTIONS = Set.of("FULL", "FREEZE", "VERBOSE", "ANALYZE");

  private MaintenanceStatements() {}

  static Optional<List<Hazard>> read(List<String> original, String shown, TableCatalog catalog)
      throws SQLException {
    if (original.isEmpty()) {
      return Optional.empty();
    }
    List<String> tokens = SqlTokens.upperCased(original);
    List<String> rest = tokens.subList(1, tokens.size());
    List<String> names = original.subList(1, original.size());
    switch (tokens.get(0)) {
      case "VACUUM":
        if (!rest.contains("FULL")) {
          return Optional.of(List.of());
        }
        return Optional.of(
            List.of(new Hazard(HazardRule.TABLE_REWRITE, vacuumed(rest, names), shown)));
      case "CLUSTER":
        int first = rest.isEmpty() || !rest.get(0).equals("VERBOSE") ? 0 : 1;
        String table = first < names.size() ? names.get(first) : null;
        return Optional.of(List.of(new Hazard(HazardRule.TABLE_REWRITE, table, shown)));
      case "REINDEX":
        return Optional.of(reindexed(rest, names, shown, catalog));
      case "CREATE":
        int at = rest.indexOf("INDEX");
        boolean concurrently =
            at >= 0 && at + 1 < rest.size() && rest.get(at + 1).equals("CONCURRENTLY");
        return concurrently ? Optional.of(List.of()) : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /** {@code VACUUM FULL t}, {@code VACUUM (FULL, ANALYZE) t}: the first name after the options. */
  private static String vacuumed(List<String> rest, List<String> names) {
    boolean inOptions = false;
    for (int index = 0; index < rest.size(); index++) {
      String token = rest.get(index);
      if (token.equals("(")) {
        inOptions = true;
      } else if (token.equals(")")) {
        inOptions = false;
      } else if (!inOptions && !VACUUM_OPTIONS.contains(token) && !token.equals(",")) {
        return names.get(index);
      }
    }
    return null;
  }

  /** {@code REINDEX [(…)] {INDEX|TABLE|SCHEMA|DATABASE|SYSTEM} [CONCURRENTLY] name}. */
  private static List<Hazard> reindexed(
      List<String> rest, List<String> names, String shown, TableCatalog catalog)
      throws SQLException {
    if (rest.contains("CONCURRENTLY")) {
      return List.of();
    }
    String name = names.isEmpty() ? null : names.get(names.size() - 1);
    String table = null;
    if (rest.contains("TABLE")) {
      table = name;
    } else if (rest.contains("INDEX") && name != null) {
      table = catalog.tableOfIndex(name).orElse(null);
    }
    return List.of(new Hazard(HazardRule.TABLE_REWRITE, table, shown));
  }
}
