package com.migochat.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CredentialCheckTest {

  private static final String ADDRESS = "192.0.2.10";

  private final CountingPasswordHash hash = new CountingPasswordHash();
  private final MovableClock clock = new MovableClock();
  private final CredentialCheck check = new CredentialCheck();

  CredentialCheckTest() {
    check.users =
        ConsoleUsersTest.load(
            new Settings()
                .with("migochat.admin.password", "admin-Secret-1")
                .with("migochat.users", "vera=viewer")
                .with("migochat.user.vera.password", ConsoleUsersTest.VIEWER_HASH),
            hash);
    check.verified = new VerifiedCredentials();
    check.verified.use(clock);
    check.throttle = new LoginThrottle();
    check.throttle.configure(5, Duration.ofSeconds(300), clock);
  }

  private LoginOutcome wrong(String name, String address) {
    return check.check(name, "wrong", address, "HTTP Basic");
  }

  @Test
  void aRightPasswordCostsOnePbkdf2CheckAMinuteNotOnePerRequest() {
    int before = hash.verifications();

    for (int request = 0; request < 10; request++) {
      assertTrue(
          check.check("vera", "viewer-Secret-7", ADDRESS, "HTTP Basic").account().isPresent());
    }
    int withinTheMinute = hash.verifications() - before;
    clock.advance(Duration.ofSeconds(61));
    check.check("vera", "viewer-Secret-7", ADDRESS, "HTTP Basic");

    assertEquals(1, withinTheMinute);
    assertEquals(2, hash.verifications() - before);
  }

  @Test
  void aWrongPasswordIsNeverTakenForARememberedRightOne() {
    check.check("vera", "viewer-Secret-7", ADDRESS, "HTTP Basic");

    assertTrue(check.check("vera", "viewer-Secret-8", ADDRESS, "form").account().isEmpty());
    assertTrue(check.check("admin", "viewer-Secret-7", ADDRESS, "form").account().isEmpty());
  }

  @Test
  void afterFiveFailuresLoginsAreRefusedUncheckedAndTheThrottlingIsLoggedOnce() {
    try (RecordedLog log = new RecordedLog()) {
      for (int attempt = 0; attempt < 5; attempt++) {
        LoginOutcome refused = wrong("admin", ADDRESS);
        assertTrue(refused.account().isEmpty() && refused.throttling().isEmpty());
      }
      int checked = hash.verifications();

      for (int attempt = 0; attempt < 20; attempt++) {
        LoginOutcome throttled = check.check("admin", "admin-Secret-1", ADDRESS, "HTTP Basic");
        assertEquals(2, throttled.retryAfterSeconds());
      }

      assertEquals(checked, hash.verifications(), "a throttled login was checked");
      assertEquals(5, log.count("Refused a console login as 'admin' from 192.0.2.10"));
      assertEquals(1, log.count("Throttling console logins from 192.0.2.10 after 5 failed"));
      assertEquals(1, log.count("Throttling console logins as 'admin' after 5 failed"));
    }
  }

  @Test
  void eachFailureAfterARefusalDoublesItUpToTheMaximum() {
    for (int attempt = 0; attempt < 5; attempt++) {
      wrong("admin", ADDRESS);
    }
    long[] waits = new long[10];
    for (int step = 0; step < waits.length; step++) {
      clock.advance(Duration.ofSeconds(wrong("admin", ADDRESS).retryAfterSeconds()));
      wrong("admin", ADDRESS);
      waits[step] = wrong("admin", ADDRESS).retryAfterSeconds();
    }

    assertEquals(4, waits[0]);
    assertEquals(8, waits[1]);
    assertEquals(256, waits[6]);
    assertEquals(300, waits[9]);
  }

  @Test
  void aNameIsThrottledFromEveryAddressAndAnAddressForEveryName() {
    for (int attempt = 0; attempt < 5; attempt++) {
      wrong("vera", "192.0.2." + attempt);
    }
    for (int attempt = 0; attempt < 5; attempt++) {
      wrong("name-" + attempt, "198.51.100.7");
    }

    assertTrue(wrong("vera", "203.0.113.1").throttling().isPresent());
    assertTrue(wrong("someone", "198.51.100.7").throttling().isPresent());
    assertFalse(wrong("admin", "203.0.113.1").throttling().isPresent());
  }

  @Test
  void failuresAreForgottenAQuarterOfAnHourAfterTheLast() {
    for (int attempt = 0; attempt < 4; attempt++) {
      wrong("admin", ADDRESS);
    }
    clock.advance(Duration.ofMinutes(16));

    assertTrue(wrong("admin", ADDRESS).throttling().isEmpty());
    assertTrue(wrong("admin", ADDRESS).throttling().isEmpty());
  }

  @Test
  void aPairThatPassedWithinTheMinuteIsAcceptedEvenWhileItsAddressIsThrottled() {
    check.check("vera", "viewer-Secret-7", ADDRESS, "HTTP Basic");
    for (int attempt = 0; attempt < 5; attempt++) {
      wrong("mallory", ADDRESS);
    }

    assertTrue(check.check("vera", "viewer-Secret-7", ADDRESS, "HTTP Basic").account().isPresent());
    assertTrue(check.check("admin", "admin-Secret-1", ADDRESS, "form").throttling().isPresent());
  }

  @Test
  void aNameWithLineBreaksIsLoggedOnOneLineAndShortened() {
    try (RecordedLog log = new RecordedLog()) {
      wrong("mallory\r\nINFO: Console login: admin" + "x".repeat(500), ADDRESS);

      String line = log.messages().get(0);
      assertTrue(line.startsWith("Refused a console login as 'mallory??INFO: Console login"), line);
      assertFalse(line.contains("\n") || line.contains("\r"), line);
      assertTrue(line.length() < 200, line);
    }
  }
}
