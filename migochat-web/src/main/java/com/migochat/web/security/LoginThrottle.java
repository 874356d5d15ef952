package com.migochat.web.security;

import com.migochat.migrations.config.MigochatSettings;
import com.migochat.migrations.config.SettingKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Slows down password guessing: after {@code migochat.login.free-attempts} failed logins in a row
 * from one client address, or as one user name, further logins from there or as that name are
 * refused without checking them, for 2 seconds, then 4, 8, ... up to {@code
 * migochat.login.max-backoff-seconds} after each further failure. Failures are forgotten {@link
 * #FORGET_AFTER} after the last one, and a successful login clears its user name's count.
 *
 * <p>The counts live in this process's memory (each instance counts its own), for at most {@value
 * #MAX_KEYS} addresses and names; the least recently seen go first. Each throttling is logged once,
 * when it begins, not for every refused request.
 */
@ApplicationScoped
public class LoginThrottle {

  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  static final int MAX_KEYS = 10_000;

  private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

  @Inject MigochatSettings settings;

  private final Map<String, Failures> failures =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
          return size() > MAX_KEYS;
        }
      };
  private int freeAttempts;
  private Duration maxBackoff;
  private Clock clock = Clock.systemUTC();

  /** How many failed in a row, the last one when, and refused until when. */
  private record Failures(int count, Instant last, Instant refusedUntil) {}

  @PostConstruct
  void readSettings() {
    configure(
        settings.console().freeLoginAttempts(),
        settings.console().maxLoginBackoff(),
        Clock.systemUTC());
  }

  /** Sets how many failures are free, the longest refusal and the clock. */
  void configure(int freeAttempts, Duration maxBackoff, Clock clock) {
    if (freeAttempts < 1 || maxBackoff.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalStateException(
          SettingKeys.LOGIN_FREE_ATTEMPTS
              + " and "
              + SettingKeys.LOGIN_MAX_BACKOFF_SECONDS
              + " must be 1 or more (they are "
              + freeAttempts
              + " and "
              + maxBackoff.toSeconds()
              + "): set them to whole numbers, or remove them for the defaults 5 and 300");
    }
    this.freeAttempts = freeAttempts;
    this.maxBackoff = maxBackoff;
    this.clock = clock;
  }

  /** How long logins from {@code address} or as {@code name} are still refused, if they are. */
  synchronized Optional<Duration> refusal(String address, String name) {
    Instant now = clock.instant();
    Instant until = later(refusedUntil(addressKey(address), now), refusedUntil(nameKey(name), now));
    return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  /** Counts a failed login from {@code address} as {@code name}. */
  synchronized void failed(String address, String name) {
    count(addressKey(address), "from " + address);
    count(nameKey(name), "as '" + LoggedName.of(name) + "'");
  }

  /** Clears the failures of {@code name}: the person who knows its password is back. */
  synchronized void succeeded(String name) {
    failures.remove(nameKey(name));
  }

  private void count(String key, String who) {
    Instant now = clock.instant();
    Failures before = current(key, now);
    int count = before == null ? 1 : before.count() + 1;
    Instant refusedUntil = now;
    if (count >= freeAttempts) {
      Duration backoff = backoff(count - freeAttempts);
      refusedUntil = now.plus(backoff);
      LOG.warning(
          "Throttling console logins "
              + who
              + " after "
              + count
              + " failed in a row: refusing them unchecked for "
              + backoff.toSeconds()
              + " s");
    }
    failures.put(key, new Failures(count, now, refusedUntil));
  }

  /** 2 s for the last free failure, doubling with each further one, at most the maximum. */
  private Duration backoff(int beyondFree) {
    Duration backoff = Duration.ofSeconds(2L << Math.min(beyondFree, 30));
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }

  private Instant refusedUntil(String key, Instant now) {
    Failures known = current(key, now);
    return known == null ? Instant.MIN : known.refusedUntil();
  }

  private Failures current(String key, Instant now) {
    Failures known = failures.get(key);
    if (known != null && now.isAfter(known.last().plus(FORGET_AFTER))) {
      failures.remove(key);
      return null;
    }
    return known;
  }

  private static Instant later(Instant one, Instant other) {
    return one.isAfter(other) ? one : other;
  }

  private static String addressKey(String address) {
    return "address " + address;
  }

  /** Bounded, so a long made-up name costs no more memory than a short one. */
  private static String nameKey(String name) {
    String bounded = name == null ? "" : name;
    return "name " + (bounded.length() > 256 ? bounded.substring(0, 256) : bounded);
  }
}
