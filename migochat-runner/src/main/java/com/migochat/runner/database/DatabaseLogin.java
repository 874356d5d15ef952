package com.migochat.runner.database;

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

  public DatabaseLogin {
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /** The defaults: the H2 file under {@code ./data} as {@code sa}. */
  public static DatabaseLogin defaults() {
    return of(DatabaseUrl.DEFAULT, DatabaseUrl.DEFAULT_USER, "");
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
