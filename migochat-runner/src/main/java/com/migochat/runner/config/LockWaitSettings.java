package com.migochat.runner.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a changeset may wait for the table locks it needs, on PostgreSQL. A statement waiting
 * for a lock queues every later request for that table behind it, so each wait is cut short and
 * tried again later, until the budget is spent.
 *
 * @param lockTimeout PostgreSQL's {@code lock_timeout} for every statement of a changeset ({@code
 *     migochat.migrations.lock-timeout}); zero waits without limit, as stock Liquibase does, and
 *     never tries again
 * @param budget how long one changeset may keep trying, counted from its first wait ({@code
 *     migochat.migrations.lock-wait-budget}); zero gives up at the first timeout
 */
public record LockWaitSettings(Duration lockTimeout, Duration budget) {

  /** The {@code migochat.migrations.lock-timeout} default. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(2);

  /** The {@code migochat.migrations.lock-wait-budget} default. */
  public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(5);

  /** The Liquibase scope key under which the runner hands these settings to the database. */
  public static final String SCOPE_KEY = "migochat.lockWaits";

  private static final Pattern DURATION =
      Pattern.compile("(\\d{1,9})\\s*(ms|s|m|min|h)?", Pattern.CASE_INSENSITIVE);

  public LockWaitSettings {
    if (lockTimeout == null || lockTimeout.isNegative() || budget == null || budget.isNegative()) {
      throw new IllegalArgumentException(
          "A lock timeout and a lock wait budget are durations of zero or more, not "
              + lockTimeout
              + " and "
              + budget);
    }
  }

  /** Every setting's default: waits of at most 2 s, tried again for up to 5 minutes. */
  public static LockWaitSettings defaults() {
    return new LockWaitSettings(DEFAULT_LOCK_TIMEOUT, DEFAULT_BUDGET);
  }

  /** Whether changesets run with a {@code lock_timeout} (and are tried again after one). */
  public boolean bounded() {
    return !lockTimeout.isZero();
  }

  /**
   * Reads a duration as the settings are written: a whole number with a unit, {@code 500ms}, {@code
   * 2s}, {@code 5m} (or {@code 5min}), {@code 1h}; {@code 0} alone needs none. A value that cannot
   * be read names the setting it came from.
   */
  public static Duration duration(String setting, String value) {
    Matcher matcher = DURATION.matcher(value == null ? "" : value.strip());
    if (!matcher.matches() || (matcher.group(2) == null && Long.parseLong(matcher.group(1)) != 0)) {
      throw new IllegalArgumentException(
          setting
              + " is '"
              + value
              + "': write a duration such as 500ms, 2s or 5m (0 for none), or unset it for the"
              + " default");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2).toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofMinutes(amount);
    };
  }

  /**
   * A duration written back the way {@link #duration} reads it, e.g. for the settings' log line.
   */
  public static String format(Duration duration) {
    if (duration.toMillis() % 1000 != 0) {
      return duration.toMillis() + "ms";
    }
    long seconds = duration.toSeconds();
    return seconds != 0 && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
