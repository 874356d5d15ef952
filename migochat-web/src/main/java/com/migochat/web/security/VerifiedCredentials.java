package com.migochat.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Name and password pairs that passed the PBKDF2 check in the last {@link #KEEP}, so that a script
 * sending HTTP Basic on every request pays the check once a minute and not on each request. An
 * entry is keyed by an HMAC-SHA256 of the pair under a random key of this process: the map never
 * holds a password, and its keys are worthless outside the process. At most {@value #MAX_ENTRIES}
 * entries; the least recently used go first.
 */
@ApplicationScoped
public class VerifiedCredentials {

  static final Duration KEEP = Duration.ofMinutes(1);
  static final int MAX_ENTRIES = 1_000;

  private final Map<String, Verified> entries =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
          return size() > MAX_ENTRIES;
        }
      };
  private final SecretKeySpec key;
  private Clock clock = Clock.systemUTC();

  private record Verified(String name, Instant until) {}

  public VerifiedCredentials() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    key = new SecretKeySpec(random, "HmacSHA256");
  }

  /** For tests: the clock that decides when an entry expires. */
  void use(Clock clock) {
    this.clock = clock;
  }

  /** The account name, when this pair passed the check less than {@link #KEEP} ago. */
  synchronized Optional<String> lookup(String name, String password) {
    String entry = entryKey(name, password);
    Verified verified = entries.get(entry);
    if (verified == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(verified.until())) {
      entries.remove(entry);
      return Optional.empty();
    }
    return Optional.of(verified.name());
  }

  /** Remembers that this pair just passed the check. */
  synchronized void remember(String name, String password) {
    entries.put(entryKey(name, password), new Verified(name, clock.instant().plus(KEEP)));
  }

  private String entryKey(String name, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      // The name's length first, so that no other split of the same characters gives this key.
      byte[] pair = (name.length() + ":" + name + ":" + password).getBytes(StandardCharsets.UTF_8);
      return Base64.getEncoder().encodeToString(mac.doFinal(pair));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM has no HmacSHA256: run Migochat on Java 17+", e);
    }
  }
}
