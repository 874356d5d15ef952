package com.migochat.runner.database;

import com.migochat.runner.settings.SettingSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that connects with whichever JDBC driver accepts its URL: the PostgreSQL driver
 * shipped with Migochat, the H2 driver bundled by Payara, or any driver the server provides. The
 * server pools its connections; this class only opens them.
 *
 * <p>The servers create it from the {@code @DataSourceDefinition} on {@code SchemaMigrator}, which
 * names no URL, user or password: this class reads {@code migochat.db.url}, {@code .user} and
 * {@code .password} itself, at the first connection (see {@link SettingSource#of}), because only
 * Payara expands configuration placeholders in that annotation. Given a URL through its setters
 * (the command line, backups, the tests), it uses the setters' URL, user and password only.
 */
public class JdbcUrlDataSource implements DataSource {

  /** How a URL that no driver accepts is reported; a setting to fix, not something to wait for. */
  public static final String NO_DRIVER = "No JDBC driver accepts the URL in migochat.db.url";

  private String url;
  private String user;
  private String password;
  private DatabaseLogin login;
  private Driver driver;
  private PrintWriter logWriter;
  private int loginTimeoutSeconds;
  private String description;

  public String getUrl() {
    return url;
  }

  public synchronized void setUrl(String url) {
    this.url = url;
    this.login = null;
    this.driver = null;
  }

  /** The spelling some containers use for the same property. */
  public void setURL(String url) {
    setUrl(url);
  }

  public String getUser() {
    return user;
  }

  public synchronized void setUser(String user) {
    this.user = user;
    this.login = null;
  }

  public synchronized void setPassword(String password) {
    this.password = password;
    this.login = null;
  }

  public String getDescription() {
    return description;
  }

  /**
   * The standard JDBC data source property {@code description}, which says nothing to the driver.
   * WildFly passes it as a connection property and refuses a data source class that it gives none.
   */
  public void setDescription(String description) {
    this.description = description;
  }

  @Override
  public Connection getConnection() throws SQLException {
    DatabaseLogin configured = login();
    return getConnection(configured.user(), configured.password());
  }

  @Override
  public Connection getConnection(String username, String secret) throws SQLException {
    String target = login().url().url();
    Driver accepting = driver(target);
    Properties properties = new Properties();
    if (username != null && !username.isEmpty()) {
      properties.setProperty("user", username);
    }
    if (secret != null && !secret.isEmpty()) {
      properties.setProperty("password", secret);
    }
    Connection connection = accepting.connect(target, properties);
    if (connection == null) {
      throw new SQLException(
          "The JDBC driver "
              + accepting.getClass().getName()
              + " refused "
              + JdbcDrivers.scheme(target),
          "08001");
    }
    return connection;
  }

  /**
   * The login: with a URL from the setters, the setters' login; without one, the {@code
   * migochat.db.*} settings, where a user or password the setters gave still wins.
   */
  private synchronized DatabaseLogin login() {
    if (login == null) {
      if (given(url)) {
        login = DatabaseLogin.of(url, user, password);
      } else {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        DatabaseLogin settings =
            DatabaseLogin.from(
                SettingSource.of(context != null ? context : getClass().getClassLoader()));
        login =
            new DatabaseLogin(
                settings.url(),
                given(user) ? user : settings.user(),
                given(password) ? password : settings.password());
      }
    }
    return login;
  }

  private synchronized Driver driver(String target) throws SQLException {
    if (driver == null) {
      driver = JdbcDrivers.driverFor(target);
    }
    return driver;
  }

  private static boolean given(String value) {
    return value != null && !value.isEmpty();
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("JdbcUrlDataSource logs through its drivers");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("JdbcUrlDataSource is not a " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
