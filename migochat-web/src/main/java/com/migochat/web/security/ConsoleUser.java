package com.migochat.web.security;

/**
 * One account of the migration console.
 *
 * @param name the login name
 * @param role what the account may do
 * @param passwordHash the password as a PBKDF2 hash (see {@link PasswordHash}): a hash as
 *     configured, or the hash of a plain password computed at startup, so no plain password stays
 *     in memory and every account costs the same to check
 */
record ConsoleUser(String name, ConsoleRole role, String passwordHash) {

  @Override
  public String toString() {
    return name + " (" + role.roleName() + ")";
  }
}
