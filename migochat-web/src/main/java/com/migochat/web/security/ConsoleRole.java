package com.migochat.web.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a console user may do: an {@code admin} acts, a {@code viewer} only looks. */
public enum ConsoleRole {
  ADMIN,
  VIEWER;

  /** The role's name in web.xml, in the configuration and in {@code isUserInRole}. */
  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
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
