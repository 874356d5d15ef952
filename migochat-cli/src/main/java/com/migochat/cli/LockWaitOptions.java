package com.migochat.cli;

import com.migochat.runner.config.LockWaitSettings;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * How long a changeset may wait for a table lock, and for how long it is tried again: for {@code
 * upgrade} and {@code downgrade}. The defaults are {@link LockWaitSettings}'s, as on the server.
 */
public class LockWaitOptions {

  @Option(
      names = "--lock-timeout",
      defaultValue = "${env:MIGOCHAT_MIGRATIONS_LOCK_TIMEOUT:-2s}",
      converter = DurationConverter.class,
      description = {
        "Longest wait of a changeset's statement for a table lock before the changeset is rolled",
        "back and tried again, e.g. 500ms, 2s; 0 waits without limit (env",
        "MIGOCHAT_MIGRATIONS_LOCK_TIMEOUT; default: ${DEFAULT-VALUE})."
      })
  Duration lockTimeout;

  @Option(
      names = "--lock-wait-budget",
      defaultValue = "${env:MIGOCHAT_MIGRATIONS_LOCK_WAIT_BUDGET:-5m}",
      converter = DurationConverter.class,
      description = {
        "How long one changeset is tried again while it waits for locks, e.g. 30s, 5m (env",
        "MIGOCHAT_MIGRATIONS_LOCK_WAIT_BUDGET; default: ${DEFAULT-VALUE})."
      })
  Duration budget;

  LockWaitSettings settings() {
    return new LockWaitSettings(lockTimeout, budget);
  }

  /** Reads {@code 2s}, {@code 500ms}, {@code 5m}; anything else is wrong usage. */
  static final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
      try {
        return LockWaitSettings.duration("the value", value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
