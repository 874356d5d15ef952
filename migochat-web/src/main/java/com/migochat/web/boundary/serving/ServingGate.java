package com.migochat.web.boundary.serving;

import com.migochat.web.control.serving.ApplicationReadiness;
import com.migochat.web.control.serving.NotServing;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Answers 503 while the schema is not at head, so nothing is served from a schema the code does not
 * expect. The answer carries the stable code and the changeset only, since anyone can read it; the
 * migration console and its API stay reachable (still behind the login) and show the details.
 *
 * <p>Mapped in web.xml after {@code SecurityHeaders}, so its 503 carries the security headers too.
 */
public class ServingGate extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject ApplicationReadiness readiness;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<NotServing> notServing = readiness.notServing();
    if (notServing.isEmpty()
        || path.startsWith("/admin/")
        || path.startsWith("/api/migrations")
        || path.equals("/login.xhtml")
        || path.startsWith("/jakarta.faces.resource/")) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().println("Migochat is not serving: " + notServing.get().publicReason());
  }
}
