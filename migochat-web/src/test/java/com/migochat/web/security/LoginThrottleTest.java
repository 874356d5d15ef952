package com.migochat.web.security;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.migrations.config.MigochatSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final String ADDRESS = "192.0.2.10";

  private static LoginThrottle startedWith(Settings settings) {
    LoginThrottle throttle = new LoginThrottle();
    throttle.settings = MigochatSettings.from(settings);
    throttle.readSettings();
    return throttle;
  }

  @Test
  void theFreeAttemptsAndTheLongestRefusalComeFromTheConsoleSettings() {
    LoginThrottle throttle =
        startedWith(
            new Settings()
                .with("migochat.login.free-attempts", "2")
                .with("migochat.login.max-backoff-seconds", "1"));

    throttle.failed(ADDRESS, "vera");
    boolean refusedAfterOne = throttle.refusal(ADDRESS, "vera").isPresent();
    throttle.failed(ADDRESS, "vera");
    Duration refusal = throttle.refusal(ADDRESS, "vera").orElseThrow();

    assertTrue(!refusedAfterOne, "refused after one failure of two free ones");
    assertTrue(refusal.compareTo(Duration.ofSeconds(1)) <= 0, "not capped at 1 s: " + refusal);
  }

  @Test
  void aLimitBelowOneStopsItNamingBothSettings() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> startedWith(new Settings().with("migochat.login.free-attempts", "0")));

    assertTrue(
        refused
            .getMessage()
            .startsWith(
                "migochat.login.free-attempts and migochat.login.max-backoff-seconds must be 1 or"
                    + " more (they are 0 and 300)"),
        refused.getMessage());
  }
}
