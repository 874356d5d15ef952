package com.migochat.runner.database;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ServiceLoader;

/** Finds the JDBC driver that accepts a URL, and shows a URL without what may be a secret. */
final class JdbcDrivers {

  private JdbcDrivers() {}

  static Driver driverFor(String url) throws SQLException {
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
          JdbcUrlDataSource.NO_DRIVER
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
  static String scheme(String url) {
    int end = url.indexOf("//");
    if (end < 0) {
      end = url.indexOf(':', "jdbc:".length());
    }
    return end < 0 ? "jdbc:?" : url.substring(0, end);
  }
}
