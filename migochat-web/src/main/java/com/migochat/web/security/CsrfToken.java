package com.migochat.web.security;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random token per session that every console form sends back, so another site cannot make a
 * logged-in browser act: it can neither read the token nor send the session cookie (SameSite) with
 * a cross-site form.
 */
@Named("csrf")
@SessionScoped
public class CsrfToken implements Serializable {

  /** The request parameter a form carries the token in. */
  public static final String PARAMETER = "csrf";

  private static final long serialVersionUID = 1L;

  private final String token;

  public CsrfToken() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  public String getToken() {
    return token;
  }

  public String getParameter() {
    return PARAMETER;
  }

  /** Whether {@code submitted} is this session's token, compared in constant time. */
  public boolean matches(String submitted) {
    return submitted != null
        && MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
  }
}
