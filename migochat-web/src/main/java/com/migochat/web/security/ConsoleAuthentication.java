package com.migochat.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * How callers log in: people through the login form (a session, its cookie HttpOnly and SameSite),
 * scripts and the REST API with HTTP Basic on each request. A browser that asks for a console page
 * without a session is sent to the login form; a request under {@code /api} gets 401 with a Basic
 * challenge instead, which is what an HTTP client expects.
 */
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

  static final String LOGIN_PAGE = "/login.xhtml";
  static final String REALM = "Migochat console";
  static final String SESSION_USER = ConsoleAuthentication.class.getName() + ".user";

  private static final Logger LOG = Logger.getLogger(ConsoleAuthentication.class.getName());

  @Inject ConsoleUsers users;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    Credential submitted = context.getAuthParameters().getCredential();
    if (submitted instanceof UsernamePasswordCredential form) {
      Optional<ConsoleUser> user = users.authenticate(form.getCaller(), form.getPasswordAsString());
      if (user.isEmpty()) {
        LOG.warning("Refused a console login as '" + form.getCaller() + "' from " + from(request));
        // Not responseUnauthorized(): that sends an error page; the form says what went wrong.
        return AuthenticationStatus.SEND_FAILURE;
      }
      LOG.info("Console login: " + user.get() + " from " + from(request));
      request.getSession(true).setAttribute(SESSION_USER, user.get().name());
      return context.notifyContainerAboutLogin(validated(user.get()));
    }
    Optional<ConsoleUser> sessionUser = sessionUser(request);
    if (sessionUser.isPresent()) {
      return context.notifyContainerAboutLogin(validated(sessionUser.get()));
    }
    Optional<ConsoleUser> basic = basicUser(request);
    if (basic.isPresent()) {
      return context.notifyContainerAboutLogin(validated(basic.get()));
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (request.getHeader("Authorization") != null || isApi(request)) {
      SecurityHeaders.apply(request, response);
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
      return context.responseUnauthorized();
    }
    return context.redirect(
        request.getContextPath()
            + LOGIN_PAGE
            + "?from="
            + URLEncoder.encode(pathOf(request), StandardCharsets.UTF_8));
  }

  /**
   * The account this session logged in as, while the configuration still has it: an account removed
   * or changed to another role takes effect at the next request.
   */
  private Optional<ConsoleUser> sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_USER) instanceof String name) {
      return users.named(name);
    }
    return Optional.empty();
  }

  private static CredentialValidationResult validated(ConsoleUser user) {
    return new CredentialValidationResult(user.name(), Set.of(user.role().roleName()));
  }

  private Optional<ConsoleUser> basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
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
    return users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  private static boolean isApi(HttpServletRequest request) {
    return pathOf(request).startsWith("/api/");
  }

  private static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static String from(HttpServletRequest request) {
    return request.getRemoteAddr();
  }
}
