package com.migochat.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lock wait settings are written as durations with a unit, and read back as written. */
class LockWaitSettingsTest {

  private static final String KEY = "migochat.migrations.lock-timeout";

  @Test
  void durationsAreReadWithTheirUnit() {
    assertEquals(Duration.ofMillis(500), LockWaitSettings.duration(KEY, "500ms"));
    assertEquals(Duration.ofSeconds(2), LockWaitSettings.duration(KEY, " 2s "));
    assertEquals(Duration.ofMinutes(5), LockWaitSettings.duration(KEY, "5m"));
    assertEquals(Duration.ofMinutes(5), LockWaitSettings.duration(KEY, "5min"));
    assertEquals(Duration.ofHours(1), LockWaitSettings.duration(KEY, "1H"));
    assertEquals(Duration.ZERO, LockWaitSettings.duration(KEY, "0"));
  }

  @Test
  void aDurationWithoutAUnitOrNotANumberNamesTheSetting() {
    for (String wrong : new String[] {"2", "-1s", "2 days", "", "1.5s"}) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> LockWaitSettings.duration(KEY, wrong));
      assertTrue(
          refused.getMessage().startsWith(KEY + " is '" + wrong + "'"), refused.getMessage());
    }
  }

  @Test
  void aDurationIsWrittenAsItIsRead() {
    for (String written : new String[] {"500ms", "2s", "5m", "90s", "0s"}) {
      assertEquals(
          written, LockWaitSettings.format(LockWaitSettings.duration(KEY, written)), written);
    }
  }

  @Test
  void aZeroLockTimeoutIsUnbounded() {
    assertTrue(LockWaitSettings.defaults().bounded());
    assertEquals(
        false, new LockWaitSettings(Duration.ZERO, LockWaitSettings.DEFAULT_BUDGET).bounded());
  }
}
