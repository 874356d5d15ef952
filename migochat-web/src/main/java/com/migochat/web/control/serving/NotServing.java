package com.migochat.web.control.serving;

/**
 * Why Migochat does not serve.
 *
 * @param code a stable code: the {@code MigrationError} name of a failed migration, or {@value
 *     #ENTITY_CHECK_FAILED}
 * @param changeSet the id of the changeset that failed, or null
 * @param details the whole story (the database's error, the file, the action), for the console, the
 *     logged-in API and the log only: it can name hosts, processes and SQL
 */
public record NotServing(String code, String changeSet, String details) {

  /** The code of an entity that does not match the migrated schema. */
  public static final String ENTITY_CHECK_FAILED = "ENTITY_CHECK_FAILED";

  /** What anyone may read: the code and the changeset, and where the details are. */
  public String publicReason() {
    return code
        + (changeSet == null ? "" : " at changeset " + changeSet)
        + "; the details are in the server log and, after logging in, in the migration console";
  }
}
