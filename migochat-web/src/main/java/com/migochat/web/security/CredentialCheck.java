package com.migochat.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks a name and password, from the login form or an HTTP Basic header, in this order: a pair
 * that passed within the last minute is accepted at once ({@link VerifiedCredentials}); a client
 * address or name that failed too often is refused unchecked ({@link LoginThrottle}); anything else
 * costs one PBKDF2 computation ({@link ConsoleUsers}). Every refused login is logged, with the name
 * made safe for the log.
 */
@ApplicationScoped
public class CredentialCheck {

  private static final Logger LOG = Logger.getLogger(CredentialCheck.class.getName());

  @Inject ConsoleUsers users;

  @Inject VerifiedCredentials verified;

  @Inject LoginThrottle throttle;

  /**
   * The outcome of logging in as {@code name} with {@code password} from {@code address}; {@code
   * channel} says how, for the log ("form", "HTTP Basic").
   */
  LoginOutcome check(String name, String password, String address, String channel) {
    if (name == null || password == null) {
      return LoginOutcome.refused();
    }
    Optional<ConsoleUser> known = verified.lookup(name, password).flatMap(users::named);
    if (known.isPresent()) {
      return LoginOutcome.accepted(known.get());
    }
    Optional<Duration> refusal = throttle.refusal(address, name);
    if (refusal.isPresent()) {
      return LoginOutcome.throttled(refusal.get());
    }
    Optional<ConsoleUser> user = users.authenticate(name, password);
    if (user.isPresent()) {
      verified.remember(name, password);
      throttle.succeeded(name);
      return LoginOutcome.accepted(user.get());
    }
    LOG.warning(
        "Refused a console login as '"
            + LoggedName.of(name)
            + "' from "
            + address
            + " ("
            + channel
            + "): wrong user name or password");
    throttle.failed(address, name);
    return LoginOutcome.refused();
  }
}
