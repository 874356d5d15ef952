package com.migochat.migrations.config;

import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.DatabaseLogin;
import com.migochat.runner.database.DatabaseUrl;

/**
 * The names of Migochat's settings, as MicroProfile Config reads them (an environment variable
 * {@code MIGOCHAT_DB_URL} sets {@code migochat.db.url}), and the defaults that are not the core's.
 */
public final class SettingKeys {

  public static final String DB_URL = DatabaseLogin.URL_KEY;
  public static final String DEFAULT_DB_URL = DatabaseUrl.DEFAULT;
  public static final String DB_USER = DatabaseLogin.USER_KEY;
  public static final String DEFAULT_DB_USER = DatabaseUrl.DEFAULT_USER;
  public static final String DB_PASSWORD = DatabaseLogin.PASSWORD_KEY;
  public static final String DB_WAIT_SECONDS = "migochat.db.wait-seconds";
  public static final String CHANGELOG = "migochat.migrations.changelog";
  public static final String DEFAULT_CHANGELOG = MigrationConfiguration.DEFAULT_CHANGELOG;
  public static final String CONTEXTS = "migochat.migrations.contexts";
  public static final String LABELS = "migochat.migrations.labels";
  public static final String LOCK_TIMEOUT = "migochat.migrations.lock-timeout";
  public static final String LOCK_WAIT_BUDGET = "migochat.migrations.lock-wait-budget";
  public static final String HAZARD_ROWS = "migochat.migrations.hazard-rows";
  public static final String ALLOW_OUT_OF_ORDER = "migochat.migrations.allow-out-of-order";
  public static final String INSTANCES_HEARTBEAT = "migochat.instances.heartbeat";
  public static final String INSTANCES_TIMEOUT = "migochat.instances.timeout";
  public static final String BACKUP_BEFORE_UPGRADE = "migochat.backup.before-upgrade";
  public static final String BACKUP_DIR = "migochat.backup.dir";
  public static final String BACKUP_KEEP = "migochat.backup.keep";
  public static final String PG_BIN = "migochat.pg.bin";
  public static final String ADMIN_USER = "migochat.admin.user";
  public static final String ADMIN_PASSWORD = "migochat.admin.password";
  public static final String ADMIN_PASSWORD_FILE = "migochat.admin.password-file";
  public static final String DEFAULT_ADMIN_PASSWORD_FILE = "./data/admin-password";
  public static final String USERS = "migochat.users";
  public static final String LOGIN_FREE_ATTEMPTS = "migochat.login.free-attempts";
  public static final String LOGIN_MAX_BACKOFF_SECONDS = "migochat.login.max-backoff-seconds";
  public static final String MESSENGER_VERIFY_TOKEN = "migochat.messenger.verify-token";
  public static final String MESSENGER_APP_SECRET = "migochat.messenger.app-secret";
  public static final String MESSENGER_MAX_BODY_BYTES = "migochat.messenger.max-body-bytes";

  private SettingKeys() {}

  /** The password key of an account named in {@link #USERS}. */
  public static String userPassword(String name) {
    return "migochat.user." + name + ".password";
  }
}
