package com.migochat.web.security;

import com.migochat.migrations.config.ConsoleSettings;
import com.migochat.migrations.config.MigochatSettings;
import com.migochat.migrations.config.SettingKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The console's accounts, from the {@link ConsoleSettings}:
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

  static final String ADMIN_PAGE = "/admin/migrations.xhtml";

  private static final Logger LOG = Logger.getLogger(ConsoleUsers.class.getName());

  @Inject MigochatSettings settings;

  @Inject PasswordHash passwordHash;

  private final Map<String, ConsoleUser> users = new LinkedHashMap<>();
  private String noAccountHash;

  void announceOnStartup(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    load(context.getContextPath());
  }

  /** Reads the accounts and logs where the console is and how to log in to it. */
  void load(String contextPath) {
    ConsoleSettings console = settings.console();
    String admin = console.adminUser();
    String where = "Admin page: <server>" + contextPath + ADMIN_PAGE + " - log in as '" + admin;
    if (console.adminPassword().isPresent()) {
      put(admin, ConsoleRole.ADMIN, console.adminPassword().get(), SettingKeys.ADMIN_PASSWORD);
      LOG.info(where + "' with the password from MIGOCHAT_ADMIN_PASSWORD");
    } else {
      String password = randomPassword();
      Path file = AdminPasswordFile.write(console.adminPasswordFile(), password);
      put(admin, ConsoleRole.ADMIN, password, SettingKeys.ADMIN_PASSWORD);
      LOG.info(
          where
              + "' with the generated password in "
              + file
              + " (only its owner may read it; it changes on restart; set MIGOCHAT_ADMIN_PASSWORD"
              + " to choose one)");
    }
    for (ConsoleSettings.Account account : console.accounts()) {
      ConsoleRole role =
          ConsoleRole.parse(account.role(), SettingKeys.USERS + " for " + account.name());
      put(account.name(), role, account.password(), SettingKeys.userPassword(account.name()));
    }
    noAccountHash = passwordHash.generate(randomPassword().toCharArray());
    if (users.size() > 1) {
      LOG.info("Console accounts: " + users.values());
    }
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
