package com.migochat.web.security;

/**
 * A user name as a caller typed it, made safe for one log line: line breaks and other control
 * characters become {@code ?} (so nobody can forge a log line through the login form or a Basic
 * header), and at most {@value #MAX_LENGTH} characters are kept.
 */
final class LoggedName {

  static final int MAX_LENGTH = 64;

  private LoggedName() {}

  static String of(String typed) {
    if (typed == null) {
      return "";
    }
    StringBuilder safe = new StringBuilder();
    typed.codePoints().limit(MAX_LENGTH).forEach(c -> safe.appendCodePoint(unsafe(c) ? '?' : c));
    if (typed.codePointCount(0, typed.length()) > MAX_LENGTH) {
      safe.append("...");
    }
    return safe.toString();
  }

  private static boolean unsafe(int c) {
    return Character.isISOControl(c)
        || Character.getType(c) == Character.LINE_SEPARATOR
        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
        || Character.getType(c) == Character.FORMAT;
  }
}
