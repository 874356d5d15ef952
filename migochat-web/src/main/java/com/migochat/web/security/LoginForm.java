package com.migochat.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/** Backs {@code login.xhtml}: logs a person in with the {@link ConsoleAuthentication}, and out. */
@Named("login")
@RequestScoped
public class LoginForm {

  private static final Logger LOG = Logger.getLogger(LoginForm.class.getName());

  @Inject SecurityContext securityContext;

  private String username;
  private String password;
  private String from;

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  /**
   * Checks the credentials; on success starts a new session and goes where the caller wanted, when
   * the account may see the console.
   */
  public void logIn() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    // A new session id on login: a session id planted before cannot be used afterwards.
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, password)));
    password = null;
    if (status == AuthenticationStatus.SUCCESS && !seesConsole(request)) {
      error(
          faces,
          "Logged in as "
              + request.getRemoteUser()
              + ", whose role may read /api/leads only: the console needs the admin or viewer"
              + " role.");
    } else if (status == AuthenticationStatus.SUCCESS) {
      external.redirect(request.getContextPath() + LoginTarget.of(from));
      faces.responseComplete();
    } else if (status == AuthenticationStatus.SEND_CONTINUE) {
      faces.responseComplete();
    } else if (request.getAttribute(ConsoleAuthentication.THROTTLED)
        instanceof LoginOutcome throttled) {
      error(
          faces,
          "Too many failed logins from this address or as this user: try again in "
              + throttled.retryAfterSeconds()
              + " seconds.");
    } else {
      error(faces, "Wrong user name or password.");
    }
  }

  private static boolean seesConsole(HttpServletRequest request) {
    for (ConsoleRole role : ConsoleRole.values()) {
      if (role.seesConsole() && request.isUserInRole(role.roleName())) {
        return true;
      }
    }
    return false;
  }

  private static void error(FacesContext faces, String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  /** Ends the session and shows the login form again. */
  public void logOut() throws IOException, ServletException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String who = request.getRemoteUser();
    request.logout();
    external.invalidateSession();
    LOG.info("Console logout: " + who);
    external.redirect(request.getContextPath() + ConsoleAuthentication.LOGIN_PAGE + "?out");
    faces.responseComplete();
  }
}
