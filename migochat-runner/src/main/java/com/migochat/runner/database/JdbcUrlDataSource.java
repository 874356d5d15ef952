package com.migochat.runner.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that connects with whichever JDBC driver accepts its URL: the PostgreSQL driver
 * shipped with Migochat, the H2 driver bundled by Payara, or any driver the server provides. The
 * server pools its connections; this class only opens them.
 *
 * <p>Payara creates it from the {@code @DataSourceDefinition} on {@code SchemaMigrator} and sets
 * the URL, user and password through the bean setters.
 */
public class JdbcUrlDataSource implements DataSource {

  /** How a URL that no driver accepts is reported; a setting to fix, not something to wait for. */
  public static final String NO_DRIVER = "No JDBC driver accepts the URL in migochat.db.url";

  private String url;
  private Driver driver;
  private String user;
  private String password;
  private PrintWriter logWriter;
  private int loginTimeoutSeconds;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
    this.driver = null;
  }

  /** The spelling some containers use for the same property. */
  public void setURL(String url) {
    setUrl(url);
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  @Override
  public Connection getConnection(String username, String secret) throws SQLException {
    if (driver == null) {
      driver = driverFor(url);
    }
    Properties properties = new Properties();
    if (username != null && !username.isEmpty()) {
      properties.setProperty("user", username);
    }
    if (secret != null && !secret.isEmpty()) {
      properties.setProperty("password", secret);
    }
    Connection connection = driver.connect(url, properties);
    if (connection == null) {
      throw new SQLException(
          "The JDBC driver " + driver.getClass().getName() + " refused " + scheme(url), "08001");
    }
    return connection;
  }

  static Driver driverFor(String url) throws SQLException {
    if (url == null || url.isBlank()) {
      throw new SQLException(
          "migochat.db.url is empty: set MIGOCHAT_DB_URL to a JDBC URL such as"
              + " jdbc:postgresql://127.0.0.1:5432/migochat, or unset it to use the embedded H2"
              + " database.",
          "08001");
    }
    ClassLoader classLoader = JdbcUrlDataSource.class.getClassLoader();
    for (Driver driver : ServiceLoader.load(Driver.class, classLoader)) {
      if (driver.acceptsURL(url)) {
        return driver;
      }
    }
    try {
      return DriverManager.getDriver(url);
    } catch (SQLException noDriver) {
      throw new SQLException(
          NO_DRIVER
              + " ("
              + scheme(url)
              + "...): use jdbc:postgresql://host:port/database (driver shipped with"
              + " Migochat) or jdbc:h2:file:path (H2 bundled with Payara), or add the driver for"
              + " your database to the server.",
          // Not DriverManager's 08001: that class means a connection problem, which waiting can
          // cure, and this is a setting to fix.
          "HY000",
          noDriver);
    }
  }

  /** The URL up to the host, never its parameters: they may carry a password. */
  private static String scheme(String url) {
    int end = url.indexOf("//");
    if (end < 0) {
      end = url.indexOf(':', "jdbc:".length());
    }
    return end < 0 ? "jdbc:?" : url.substring(0, end);
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
