package com.migochat.migrations.config;

import com.migochat.runner.config.BackupPolicy;
import com.migochat.runner.config.BackupSettings;
import com.migochat.runner.config.LockWaitSettings;
import com.migochat.runner.settings.SettingSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads settings from the application's setting source (MicroProfile Config where the server has
 * it); a value that cannot be read names its key.
 */
final class SettingReader {

  private final SettingSource source;

  SettingReader(SettingSource source) {
    this.source = source;
  }

  String text(String key, String fallback) {
    return optional(key).orElse(fallback);
  }

  /** The value, unless unset or blank. */
  Optional<String> optional(String key) {
    return source.value(key);
  }

  /** A comma-separated list, as MicroProfile Config splits one: {@code \,} is a comma kept. */
  List<String> list(String key) {
    return optional(key).stream()
        .flatMap(value -> Arrays.stream(value.split("(?<!\\\\),")))
        .map(element -> element.replace("\\,", ","))
        .filter(element -> !element.isEmpty())
        .toList();
  }

  long number(String key, long fallback) {
    Optional<String> value = optional(key);
    try {
      return value.isPresent() ? Long.parseLong(value.get().strip()) : fallback;
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          key + " is '" + value.get() + "': set it to a whole number, or unset it for " + fallback,
          e);
    }
  }

  /** A duration such as {@code 2s}, {@code 500ms} or {@code 5m}; see {@link LockWaitSettings}. */
  boolean flag(String key, boolean fallback) {
    Optional<String> value = optional(key).map(String::strip);
    if (value.isEmpty()) {
      return fallback;
    }
    if (!value.get().equalsIgnoreCase("true") && !value.get().equalsIgnoreCase("false")) {
      throw new IllegalStateException(
          key + " is '" + value.get() + "': set it to true or false, or unset it for " + fallback);
    }
    return Boolean.parseBoolean(value.get());
  }

  Duration duration(String key, Duration fallback) {
    Optional<String> value = optional(key);
    try {
      return value.isPresent() ? LockWaitSettings.duration(key, value.get()) : fallback;
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  LockWaitSettings lockWaits() {
    return new LockWaitSettings(
        duration(SettingKeys.LOCK_TIMEOUT, LockWaitSettings.DEFAULT_LOCK_TIMEOUT),
        duration(SettingKeys.LOCK_WAIT_BUDGET, LockWaitSettings.DEFAULT_BUDGET));
  }

  BackupSettings backups() {
    BackupPolicy policy;
    try {
      policy =
          BackupPolicy.parse(
              text(SettingKeys.BACKUP_BEFORE_UPGRADE, BackupSettings.DEFAULT_POLICY.name()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return new BackupSettings(
        policy,
        Path.of(text(SettingKeys.BACKUP_DIR, BackupSettings.DEFAULT_FOLDER)),
        (int) number(SettingKeys.BACKUP_KEEP, BackupSettings.DEFAULT_KEEP),
        optional(SettingKeys.PG_BIN).map(Path::of).orElse(null));
  }
}
