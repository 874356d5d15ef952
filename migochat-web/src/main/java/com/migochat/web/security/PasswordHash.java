package com.migochat.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashes in Jakarta Security's format, {@code
 * PBKDF2WithHmacSHA256:iterations:salt:hash} (salt and hash in Base64), the format {@code migochat
 * hash-password} prints. The JDK computes them; Payara's own {@code Pbkdf2PasswordHash} would
 * generate hashes of 2,048 iterations only.
 */
@ApplicationScoped
public class PasswordHash {

  /** The iterations of every hash generated here, as {@code migochat hash-password} uses. */
  static final int ITERATIONS = 210_000;

  static final String PREFIX = "PBKDF2WithHmac";

  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final Set<String> ALGORITHMS =
      Set.of(
          "PBKDF2WithHmacSHA224",
          "PBKDF2WithHmacSHA256",
          "PBKDF2WithHmacSHA384",
          "PBKDF2WithHmacSHA512");
  private static final int SALT_BYTES = 32;
  private static final int KEY_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  /** A new hash of {@code password} with a random salt and {@value #ITERATIONS} iterations. */
  public String generate(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder();
    return String.join(
        ":",
        ALGORITHM,
        Integer.toString(ITERATIONS),
        base64.encodeToString(salt),
        base64.encodeToString(derive(ALGORITHM, password, salt, ITERATIONS, KEY_BYTES)));
  }

  /** Whether {@code candidate} is the password of {@code hash}, compared in constant time. */
  public boolean verify(char[] candidate, String hash) {
    Parsed parsed = parse(hash);
    byte[] derived =
        derive(
            parsed.algorithm(), candidate, parsed.salt(), parsed.iterations(), parsed.key().length);
    return MessageDigest.isEqual(derived, parsed.key());
  }

  /** Whether {@code text} is meant as a hash rather than a plain password. */
  static boolean looksHashed(String text) {
    return text.startsWith(PREFIX);
  }

  /**
   * Checks that {@code hash} can be verified, so a mistyped hash stops the start instead of
   * refusing every login later.
   */
  static void check(String hash, String key) {
    try {
      parse(hash);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          key
              + " looks like a PBKDF2 hash but cannot be read ("
              + e.getMessage()
              + "): paste the whole line 'java -jar migochat-cli.jar hash-password' prints,"
              + " algorithm:iterations:salt:hash",
          e);
    }
  }

  private record Parsed(String algorithm, int iterations, byte[] salt, byte[] key) {}

  private static Parsed parse(String hash) {
    String[] parts = hash.split(":");
    if (parts.length != 4 || !ALGORITHMS.contains(parts[0])) {
      throw new IllegalArgumentException("expected one of " + ALGORITHMS + ", then 3 fields");
    }
    try {
      Base64.Decoder base64 = Base64.getDecoder();
      Parsed parsed =
          new Parsed(
              parts[0],
              Integer.parseInt(parts[1]),
              base64.decode(parts[2]),
              base64.decode(parts[3]));
      if (parsed.iterations() < 1 || parsed.salt().length == 0 || parsed.key().length == 0) {
        throw new IllegalArgumentException("iterations, salt or hash is empty");
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("iterations, salt or hash unreadable: " + e.getMessage());
    }
  }

  private static byte[] derive(
      String algorithm, char[] password, byte[] salt, int iterations, int keyBytes) {
    try {
      return SecretKeyFactory.getInstance(algorithm)
          .generateSecret(new PBEKeySpec(password, salt, iterations, keyBytes * 8))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "This JVM cannot compute " + algorithm + ": run Migochat on a Java 17 JDK or newer", e);
    }
  }
}
