package com.migochat.web.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The name and password of an {@code Authorization: Basic} header (RFC 7617, UTF-8).
 *
 * @param name the user name, before the first colon
 * @param password everything after it
 */
record BasicCredentials(String name, String password) {

  /** The credentials of this header, or empty when it is missing or not readable Basic. */
  static Optional<BasicCredentials> of(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  /** Never the password. */
  @Override
  public String toString() {
    return "BasicCredentials[" + LoggedName.of(name) + "]";
  }
}
