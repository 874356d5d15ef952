package com.migochat.migrations.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may use the console and how hard guessing a password is made.
 *
 * @param adminUser {@code migochat.admin.user}, default {@code admin}
 * @param adminPassword {@code migochat.admin.password}; empty to generate one at startup
 * @param adminPasswordFile {@code migochat.admin.password-file}: where a generated password goes
 * @param accounts the accounts of {@code migochat.users}, each with its password
 * @param freeLoginAttempts {@code migochat.login.free-attempts}: failures before logins slow down
 * @param maxLoginBackoff {@code migochat.login.max-backoff-seconds}: the longest refusal
 */
public record ConsoleSettings(
    String adminUser,
    Optional<String> adminPassword,
    Path adminPasswordFile,
    List<Account> accounts,
    int freeLoginAttempts,
    Duration maxLoginBackoff) {

  /**
   * One more account: {@code name=role} in {@code migochat.users}, and its password in {@code
   * migochat.user.<name>.password}, plain or a PBKDF2 hash.
   */
  public record Account(String name, String role, String password) {
    @Override
    public String toString() {
      return name + " (" + role + ")";
    }
  }

  public ConsoleSettings {
    accounts = List.copyOf(accounts);
  }

  static ConsoleSettings from(SettingReader read) {
    List<Account> accounts = new ArrayList<>();
    for (String entry : read.list(SettingKeys.USERS)) {
      String[] nameAndRole = entry.split("=", 2);
      if (nameAndRole.length != 2 || nameAndRole[0].isBlank()) {
        throw new IllegalStateException(
            "Cannot read '"
                + entry
                + "' in "
                + SettingKeys.USERS
                + ": write name=role, e.g. bob=viewer");
      }
      String name = nameAndRole[0].strip();
      String key = SettingKeys.userPassword(name);
      String password =
          read.optional(key)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          SettingKeys.USERS
                              + " names '"
                              + name
                              + "' but "
                              + key
                              + " is not set: give it a password (plain, or a PBKDF2 hash from"
                              + " 'java -jar migochat-cli.jar hash-password'), or remove the"
                              + " account"));
      accounts.add(new Account(name, nameAndRole[1].strip(), password));
    }
    return new ConsoleSettings(
        read.text(SettingKeys.ADMIN_USER, "admin"),
        read.optional(SettingKeys.ADMIN_PASSWORD),
        Path.of(
            read.text(SettingKeys.ADMIN_PASSWORD_FILE, SettingKeys.DEFAULT_ADMIN_PASSWORD_FILE)),
        accounts,
        (int) read.number(SettingKeys.LOGIN_FREE_ATTEMPTS, 5),
        Duration.ofSeconds(read.number(SettingKeys.LOGIN_MAX_BACKOFF_SECONDS, 300)));
  }

  @Override
  public String toString() {
    return "console admin '"
        + adminUser
        + "' ("
        + (adminPassword.isPresent()
            ? "password set"
            : "password generated into " + adminPasswordFile)
        + ")"
        + (accounts.isEmpty() ? "" : ", accounts " + accounts)
        + ", logins slowed after "
        + freeLoginAttempts
        + " failures for up to "
        + maxLoginBackoff.toSeconds()
        + " s";
  }
}
