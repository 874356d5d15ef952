package com.migochat.runner.database;

import com.migochat.runner.settings.SettingSource;
import javax.sql.DataSource;

/**
 * Where the database is and who logs in: what backups (through PostgreSQL's own tools) and scratch
 * databases need besides a data source. The password is never shown.
 *
 * @param url the database's URL
 * @param user the user, or empty to take the URL's
 * @param password the password, or empty to take the URL's
 */
public record DatabaseLogin(DatabaseUrl url, String user, String password) {

  /** The setting of the database's JDBC URL. */
  public static final String URL_KEY = "migochat.db.url";

  /** The setting of the database user. */
  public static final String USER_KEY = "migochat.db.user";

  /** The setting of the database password. */
  public static final String PASSWORD_KEY = "migochat.db.password";

  public DatabaseLogin {
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /** The defaults: the H2 file under {@code ./data} as {@code sa}. */
  public static DatabaseLogin defaults() {
    return of(DatabaseUrl.DEFAULT, DatabaseUrl.DEFAULT_USER, "");
  }

  /** The login that {@code settings} configure, with the defaults for what they leave unset. */
  public static DatabaseLogin from(SettingSource settings) {
    return of(
        settings.value(URL_KEY).orElse(DatabaseUrl.DEFAULT),
        settings.value(USER_KEY).orElse(DatabaseUrl.DEFAULT_USER),
        settings.value(PASSWORD_KEY).orElse(""));
  }

  public static DatabaseLogin of(String url, String user, String password) {
    return new DatabaseLogin(DatabaseUrl.of(url), user, password);
  }

  /** A data source that opens connections with this login. */
  public DataSource dataSource() {
    return url.dataSource(user, password);
  }

  /** The same login on another database of the same server (see {@link DatabaseUrl#sibling}). */
  public DatabaseLogin sibling(String database) {
    return new DatabaseLogin(url.sibling(database), user, password);
  }

  @Override
  public String toString() {
    return user + " at " + url;
  }
}
