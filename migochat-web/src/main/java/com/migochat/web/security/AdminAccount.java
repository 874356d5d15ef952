package com.migochat.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The administrator's account. The password is {@code migochat.admin.password} ({@code
 * MIGOCHAT_ADMIN_PASSWORD}); when it is not set, a random one is generated and logged once, at
 * startup, and lives until the application stops.
 */
@ApplicationScoped
public class AdminAccount {

  public static final String ROLE = "admin";
  static final String ADMIN_PAGE = "/admin/migrations.xhtml";

  private static final Logger LOG = Logger.getLogger(AdminAccount.class.getName());

  @Inject
  @ConfigProperty(name = "migochat.admin.user", defaultValue = "admin")
  String user;

  @Inject
  @ConfigProperty(name = "migochat.admin.password")
  Optional<String> configuredPassword;

  private byte[] password;
  private boolean generated;

  void announceOnStartup(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    String secret = configuredPassword.filter(p -> !p.isBlank()).orElse(null);
    generated = secret == null;
    if (generated) {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
    password = secret.getBytes(StandardCharsets.UTF_8);
    String where = "Admin page: <server>" + context.getContextPath() + ADMIN_PAGE;
    LOG.info(
        generated
            ? where
                + " - log in as '"
                + user
                + "' with the generated password "
                + secret
                + " (set MIGOCHAT_ADMIN_PASSWORD to choose one; this one changes on restart)"
            : where + " - log in as '" + user + "' with the password from MIGOCHAT_ADMIN_PASSWORD");
  }

  /** Whether the given name and password are the administrator's, compared in constant time. */
  boolean matches(String name, String candidate) {
    if (password == null || name == null || candidate == null) {
      return false;
    }
    boolean nameMatches =
        MessageDigest.isEqual(
            user.getBytes(StandardCharsets.UTF_8), name.getBytes(StandardCharsets.UTF_8));
    boolean passwordMatches =
        MessageDigest.isEqual(password, candidate.getBytes(StandardCharsets.UTF_8));
    return nameMatches & passwordMatches;
  }
}
