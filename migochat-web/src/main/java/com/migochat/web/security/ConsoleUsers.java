package com.migochat.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The console's accounts, from MicroProfile Config:
 *
 * <ul>
 *   <li>the administrator {@code migochat.admin.user} (default {@code admin}) with {@code
 *       migochat.admin.password} ({@code MIGOCHAT_ADMIN_PASSWORD}); when that is not set, a random
 *       password is generated and logged once, at startup, and lives until the application stops:
 *       there is never a fixed default password;
 *   <li>more accounts in {@code migochat.users} ({@code MIGOCHAT_USERS}), e.g. {@code
 *       alice=admin,bob=viewer}, each with its password in {@code migochat.user.<name>.password}
 *       ({@code MIGOCHAT_USER_<NAME>_PASSWORD}).
 * </ul>
 *
 * <p>A password is plain text or a PBKDF2 hash as Jakarta Security writes it ({@code
 * PBKDF2WithHmacSHA256:iterations:salt:hash}, see {@code java -jar migochat-cli.jar
 * hash-password}).
 */
@ApplicationScoped
public class ConsoleUsers {

  static final String ADMIN_USER_KEY = "migochat.admin.user";
  static final String ADMIN_PASSWORD_KEY = "migochat.admin.password";
  static final String USERS_KEY = "migochat.users";
  static final String ADMIN_PAGE = "/admin/migrations.xhtml";

  private static final Logger LOG = Logger.getLogger(ConsoleUsers.class.getName());

  @Inject Config config;

  @Inject Pbkdf2PasswordHash passwordHash;

  private final Map<String, ConsoleUser> users = new LinkedHashMap<>();

  void announceOnStartup(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    String admin = config.getOptionalValue(ADMIN_USER_KEY, String.class).orElse("admin");
    Optional<String> configured =
        config.getOptionalValue(ADMIN_PASSWORD_KEY, String.class).filter(p -> !p.isBlank());
    String password = configured.orElseGet(ConsoleUsers::randomPassword);
    users.put(admin, new ConsoleUser(admin, ConsoleRole.ADMIN, password));
    for (String entry : config.getOptionalValues(USERS_KEY, String.class).orElse(List.of())) {
      add(entry);
    }
    String where = "Admin page: <server>" + context.getContextPath() + ADMIN_PAGE;
    LOG.info(
        configured.isPresent()
            ? where + " - log in as '" + admin + "' with the password from MIGOCHAT_ADMIN_PASSWORD"
            : where
                + " - log in as '"
                + admin
                + "' with the generated password "
                + password
                + " (set MIGOCHAT_ADMIN_PASSWORD to choose one; this one changes on restart)");
    if (users.size() > 1) {
      LOG.info("Console accounts: " + users.values());
    }
  }

  private void add(String entry) {
    String[] nameAndRole = entry.split("=", 2);
    if (nameAndRole.length != 2 || nameAndRole[0].isBlank()) {
      throw new IllegalStateException(
          "Cannot read '" + entry + "' in " + USERS_KEY + ": write name=role, e.g. bob=viewer");
    }
    String name = nameAndRole[0].strip();
    ConsoleRole role = ConsoleRole.parse(nameAndRole[1], USERS_KEY + " for " + name);
    String key = "migochat.user." + name + ".password";
    String password =
        config
            .getOptionalValue(key, String.class)
            .filter(p -> !p.isBlank())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        USERS_KEY
                            + " names '"
                            + name
                            + "' but "
                            + key
                            + " is not set: give it a password (plain, or a PBKDF2 hash from"
                            + " 'java -jar migochat-cli.jar hash-password'), or remove the account"));
    users.put(name, new ConsoleUser(name, role, password));
  }

  private static String randomPassword() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** The account with this name, if there is one. */
  Optional<ConsoleUser> named(String name) {
    return Optional.ofNullable(users.get(name));
  }

  /** The account with this name and password, if there is one. */
  Optional<ConsoleUser> authenticate(String name, String candidate) {
    if (name == null || candidate == null) {
      return Optional.empty();
    }
    ConsoleUser user = users.get(name);
    if (user == null) {
      return Optional.empty();
    }
    boolean matches =
        user.hashed()
            ? passwordHash.verify(candidate.toCharArray(), user.password())
            : MessageDigest.isEqual(
                user.password().getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    return matches ? Optional.of(user) : Optional.empty();
  }
}
