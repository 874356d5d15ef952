package com.migochat.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
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
 *       password is generated at startup and written to {@code migochat.admin.password-file}
 *       (default {@code ./data/admin-password}, readable by its owner only), never to the log; it
 *       lives until the application stops: there is never a fixed default password;
 *   <li>more accounts in {@code migochat.users} ({@code MIGOCHAT_USERS}), e.g. {@code
 *       alice=admin,bob=viewer,carol=sales}, each with its password in {@code
 *       migochat.user.<name>.password} ({@code MIGOCHAT_USER_<NAME>_PASSWORD}).
 * </ul>
 *
 * <p>A password is plain text or a PBKDF2 hash (see {@link PasswordHash}). Plain ones are hashed at
 * startup, and a name that has no account is checked against a hash of the same cost, so how long a
 * refusal takes does not tell which names exist.
 */
@ApplicationScoped
public class ConsoleUsers {

  static final String ADMIN_USER_KEY = "migochat.admin.user";
  static final String ADMIN_PASSWORD_KEY = "migochat.admin.password";
  static final String USERS_KEY = "migochat.users";
  static final String ADMIN_PAGE = "/admin/migrations.xhtml";

  private static final Logger LOG = Logger.getLogger(ConsoleUsers.class.getName());

  @Inject Config config;

  @Inject PasswordHash passwordHash;

  private final Map<String, ConsoleUser> users = new LinkedHashMap<>();
  private String noAccountHash;

  void announceOnStartup(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    load(context.getContextPath());
  }

  /** Reads the accounts and logs where the console is and how to log in to it. */
  void load(String contextPath) {
    String admin = config.getOptionalValue(ADMIN_USER_KEY, String.class).orElse("admin");
    Optional<String> configured =
        config.getOptionalValue(ADMIN_PASSWORD_KEY, String.class).filter(p -> !p.isBlank());
    String where = "Admin page: <server>" + contextPath + ADMIN_PAGE + " - log in as '" + admin;
    if (configured.isPresent()) {
      put(admin, ConsoleRole.ADMIN, configured.get(), ADMIN_PASSWORD_KEY);
      LOG.info(where + "' with the password from MIGOCHAT_ADMIN_PASSWORD");
    } else {
      String password = randomPassword();
      Path file =
          AdminPasswordFile.write(
              Path.of(
                  config
                      .getOptionalValue(AdminPasswordFile.KEY, String.class)
                      .orElse(AdminPasswordFile.DEFAULT)),
              password);
      put(admin, ConsoleRole.ADMIN, password, ADMIN_PASSWORD_KEY);
      LOG.info(
          where
              + "' with the generated password in "
              + file
              + " (only its owner may read it; it changes on restart; set MIGOCHAT_ADMIN_PASSWORD"
              + " to choose one)");
    }
    for (String entry : config.getOptionalValues(USERS_KEY, String.class).orElse(List.of())) {
      add(entry);
    }
    noAccountHash = passwordHash.generate(randomPassword().toCharArray());
    if (users.size() > 1) {
      LOG.info("Console accounts: " + users.values());
    }
  }

  private void add(String entry) {
    String[] nameAndRole = entry.split("=", 2);
    if (nameAndRole.length != 2 || nameAndRole[0].isBlank()) {
      throw new IllegalStateException(
          "Cannot read '"
              + entry
              + "' in "
              + USERS_KEY
              + ": write name=role, e.g. bob=viewer or carol=sales");
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
    put(name, role, password, key);
  }

  private void put(String name, ConsoleRole role, String password, String key) {
    String hash;
    if (PasswordHash.looksHashed(password)) {
      PasswordHash.check(password, key);
      hash = password;
    } else {
      hash = passwordHash.generate(password.toCharArray());
    }
    users.put(name, new ConsoleUser(name, role, hash));
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

  /**
   * The account with this name and password, if there is one. Always computes one PBKDF2 hash:
   * against a hash of the same cost when the name has no account.
   */
  Optional<ConsoleUser> authenticate(String name, String candidate) {
    if (name == null || candidate == null) {
      return Optional.empty();
    }
    ConsoleUser user = users.get(name);
    boolean matches =
        passwordHash.verify(
            candidate.toCharArray(), user == null ? noAccountHash : user.passwordHash());
    return matches && user != null ? Optional.of(user) : Optional.empty();
  }
}
