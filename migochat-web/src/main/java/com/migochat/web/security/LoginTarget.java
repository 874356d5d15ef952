package com.migochat.web.security;

import java.util.regex.Pattern;

/**
 * Where the login form sends a person once logged in: the console page they asked for, when the
 * form's {@code from} is a plain path under {@code /admin/} (letters, digits, {@code . _ ~ -}
 * between single slashes, no {@code ..}), else the console's main page. Nothing else gets through:
 * no scheme or host, no {@code //} or backslash, no encoded or control characters.
 */
final class LoginTarget {

  private static final Pattern CONSOLE_PATH = Pattern.compile("/admin(/[A-Za-z0-9._~-]+)+");

  private LoginTarget() {}

  /** The path, relative to the application, to go to after logging in from {@code from}. */
  static String of(String from) {
    if (from != null && CONSOLE_PATH.matcher(from).matches() && !from.contains("..")) {
      return from;
    }
    return ConsoleUsers.ADMIN_PAGE;
  }
}
