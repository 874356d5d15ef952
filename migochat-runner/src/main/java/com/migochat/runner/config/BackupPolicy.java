package com.migochat.runner.config;

import java.util.Locale;

/** When to back the database up before an upgrade ({@code migochat.backup.before-upgrade}). */
public enum BackupPolicy {
  /** On PostgreSQL; not on H2, whose embedded file is the development default. */
  AUTO,
  /** On every database. */
  ALWAYS,
  /** Never. */
  NEVER;

  /** Parses {@code auto}, {@code always} or {@code never}, in any case. */
  public static BackupPolicy parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + value
              + "' is not a backup policy: set migochat.backup.before-upgrade to auto, always or"
              + " never",
          e);
    }
  }
}
