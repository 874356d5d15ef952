package com.migochat.web.security;

/**
 * One account of the migration console.
 *
 * @param name the login name
 * @param role what the account may do
 * @param password the password as configured: plain text, or a PBKDF2 hash in Jakarta Security's
 *     format {@code PBKDF2WithHmacSHA256:iterations:salt:hash} (salt and hash in Base64)
 */
record ConsoleUser(String name, ConsoleRole role, String password) {

  static final String HASH_PREFIX = "PBKDF2WithHmac";

  boolean hashed() {
    return password.startsWith(HASH_PREFIX);
  }

  @Override
  public String toString() {
    return name + " (" + role.roleName() + ")";
  }
}
