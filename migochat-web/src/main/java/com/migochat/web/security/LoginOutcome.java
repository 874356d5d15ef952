package com.migochat.web.security;

import java.time.Duration;
import java.util.Optional;

/**
 * How a login attempt ended: accepted as an account, refused (wrong name or password), or not
 * checked because too many failed before ({@code retryAfter}).
 *
 * @param user the account, when accepted
 * @param retryAfter how long logins stay refused, when throttled
 */
record LoginOutcome(ConsoleUser user, Duration retryAfter) {

  static LoginOutcome accepted(ConsoleUser user) {
    return new LoginOutcome(user, null);
  }

  static LoginOutcome refused() {
    return new LoginOutcome(null, null);
  }

  static LoginOutcome throttled(Duration retryAfter) {
    return new LoginOutcome(null, retryAfter);
  }

  Optional<ConsoleUser> account() {
    return Optional.ofNullable(user);
  }

  Optional<Duration> throttling() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whole seconds to wait, rounded up, for a {@code Retry-After} header or a message. */
  long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
