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
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * How callers log in: people through the login form (a session, its cookie HttpOnly and SameSite),
 * scripts and the REST API with HTTP Basic on each request. A browser that asks for a console page
 * without a session is sent to the login form; a request under {@code /api} gets 401 with a Basic
 * challenge instead, which is what an HTTP client expects.
 *
 * <p>A Basic header is checked only on a path that needs a login: on any other path (the webhook,
 * the login page) it is ignored, so it costs no PBKDF2 computation and counts as no failed login.
 */
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

  static final String LOGIN_PAGE = "/login.xhtml";
  static final String REALM = "Migochat console";
  static final String SESSION_USER = ConsoleAuthentication.class.getName() + ".user";

  /** The request attribute telling the login form that logins are throttled: a LoginOutcome. */
  static final String THROTTLED = ConsoleAuthentication.class.getName() + ".throttled";

  private static final Logger LOG = Logger.getLogger(ConsoleAuthentication.class.getName());

  @Inject ConsoleUsers users;

  @Inject CredentialCheck credentials;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    Credential submitted = context.getAuthParameters().getCredential();
    if (submitted instanceof UsernamePasswordCredential form) {
      return formLogin(form, request, context);
    }
    Optional<ConsoleUser> sessionUser = sessionUser(request);
    if (sessionUser.isPresent()) {
      return context.notifyContainerAboutLogin(validated(sessionUser.get()));
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    Optional<BasicCredentials> basic = BasicCredentials.of(request.getHeader("Authorization"));
    if (basic.isPresent()) {
      LoginOutcome outcome =
          credentials.check(
              basic.get().name(), basic.get().password(), request.getRemoteAddr(), "HTTP Basic");
      if (outcome.account().isPresent()) {
        return context.notifyContainerAboutLogin(validated(outcome.account().get()));
      }
      if (outcome.throttling().isPresent()) {
        return tooManyFailures(outcome, request, response);
      }
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

  private AuthenticationStatus formLogin(
      UsernamePasswordCredential form, HttpServletRequest request, HttpMessageContext context) {
    LoginOutcome outcome =
        credentials.check(
            form.getCaller(), form.getPasswordAsString(), request.getRemoteAddr(), "form");
    if (outcome.account().isEmpty()) {
      if (outcome.throttling().isPresent()) {
        request.setAttribute(THROTTLED, outcome);
      }
      // Not responseUnauthorized(): that sends an error page; the form says what went wrong.
      return AuthenticationStatus.SEND_FAILURE;
    }
    ConsoleUser user = outcome.account().get();
    LOG.info("Console login: " + user + " from " + request.getRemoteAddr());
    request.getSession(true).setAttribute(SESSION_USER, user.name());
    return context.notifyContainerAboutLogin(validated(user));
  }

  /** 429 with Retry-After: the credentials were not even checked. */
  private static AuthenticationStatus tooManyFailures(
      LoginOutcome outcome, HttpServletRequest request, HttpServletResponse response) {
    SecurityHeaders.apply(request, response);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
    response.setContentType("text/plain;charset=UTF-8");
    try {
      response
          .getWriter()
          .println(
              "Too many failed logins from this address or as this user: try again in "
                  + outcome.retryAfterSeconds()
                  + " s.");
    } catch (IOException e) {
      // The client is gone; the status is all it would have read.
    }
    return AuthenticationStatus.SEND_FAILURE;
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

  private static boolean isApi(HttpServletRequest request) {
    return pathOf(request).startsWith("/api/");
  }

  private static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
