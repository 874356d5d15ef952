package com.migochat.web.boundary.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Facebook's {@code X-Hub-Signature-256} header: {@code sha256=} and the hex HMAC-SHA256 of the raw
 * request body under the app secret.
 */
final class EventSignature {

  static final String HEADER = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private EventSignature() {}

  /** The header value Facebook would send for {@code body}. */
  static String of(byte[] body, String appSecret) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("This JVM cannot compute " + ALGORITHM, e);
    }
  }

  /**
   * Whether {@code header} signs {@code body} under {@code appSecret}, compared in constant time.
   */
  static boolean matches(byte[] body, String header, String appSecret) {
    if (header == null || !header.startsWith(PREFIX)) {
      return false;
    }
    return MessageDigest.isEqual(
        of(body, appSecret).getBytes(StandardCharsets.US_ASCII),
        header.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}
