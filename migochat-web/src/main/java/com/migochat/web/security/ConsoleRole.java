package com.migochat.web.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an account may do. The roles are declared in web.xml, which maps them to paths:
 *
 * <ul>
 *   <li>{@code admin}: the console and its actions, the migrations API, and the leads;
 *   <li>{@code viewer}: the console and the migrations API, read only, and no lead's personal data;
 *   <li>{@code sales}: reads {@code /api/leads} only, and not the console.
 * </ul>
 */
public enum ConsoleRole {
  ADMIN,
  VIEWER,
  SALES;

  /** The role's name in web.xml, in the configuration and in {@code isUserInRole}. */
  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the role may open the migration console. */
  public boolean seesConsole() {
    return this != SALES;
  }

  static ConsoleRole parse(String name, String where) {
    for (ConsoleRole role : values()) {
      if (role.roleName().equalsIgnoreCase(name.strip())) {
        return role;
      }
    }
    throw new IllegalStateException(
        "Unknown role '"
            + name
            + "' in "
            + where
            + ": use one of "
            + Arrays.stream(values()).map(ConsoleRole::roleName).collect(Collectors.joining(", ")));
  }
}
