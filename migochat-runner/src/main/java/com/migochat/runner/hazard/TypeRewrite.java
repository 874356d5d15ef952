package com.migochat.runner.hazard;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether changing a column's type rewrites the table on PostgreSQL. Only the binary-coercible
 * changes PostgreSQL documents as rewrite-free are recognised: a {@code varchar} widened or made
 * unbounded, {@code varchar} to {@code text}, and the same type again. Anything else, or a column
 * whose current type is unknown, counts as a rewrite.
 */
final class TypeRewrite {

  private static final Pattern VARCHAR =
      Pattern.compile("(?:character varying|varchar)\\s*(?:\\((\\d+)\\))?");

  private TypeRewrite() {}

  static boolean rewrites(Optional<String> currentType, String newType) {
    if (currentType.isEmpty()) {
      return true;
    }
    String from = currentType.get().toLowerCase(Locale.ROOT).strip();
    String to = newType.toLowerCase(Locale.ROOT).strip();
    if (from.equals(to)) {
      return false;
    }
    Matcher fromVarchar = VARCHAR.matcher(from);
    if (!fromVarchar.matches() && !from.equals("text")) {
      return true;
    }
    if (to.equals("text")) {
      return false;
    }
    Matcher toVarchar = VARCHAR.matcher(to);
    if (!toVarchar.matches() || from.equals("text")) {
      return !(toVarchar.matches() && toVarchar.group(1) == null);
    }
    if (toVarchar.group(1) == null) {
      return false;
    }
    return fromVarchar.group(1) == null
        || Integer.parseInt(toVarchar.group(1)) < Integer.parseInt(fromVarchar.group(1));
  }
}
