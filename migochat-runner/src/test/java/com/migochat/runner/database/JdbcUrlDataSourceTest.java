package com.migochat.runner.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data source as a server creates it from the application's definition, which names no URL: it
 * reads {@code migochat.db.*} itself.
 */
class JdbcUrlDataSourceTest {

  @BeforeEach
  void setTheSettings() {
    System.setProperty(DatabaseLogin.URL_KEY, "jdbc:h2:mem:from-settings;DB_CLOSE_DELAY=-1");
    System.setProperty(DatabaseLogin.USER_KEY, "settings_user");
  }

  @AfterEach
  void forgetTheSettings() {
    System.clearProperty(DatabaseLogin.URL_KEY);
    System.clearProperty(DatabaseLogin.USER_KEY);
  }

  @Test
  void withoutAUrlItConnectsToTheDatabaseTheSettingsName() throws SQLException {
    JdbcUrlDataSource dataSource = new JdbcUrlDataSource();
    dataSource.setUser("");
    dataSource.setPassword("");

    try (Connection connection = dataSource.getConnection()) {
      assertEquals("jdbc:h2:mem:from-settings", connection.getMetaData().getURL());
      assertEquals("SETTINGS_USER", connection.getMetaData().getUserName());
    }
  }

  @Test
  void aUrlFromItsSettersWinsWithTheSettersLogin() throws SQLException {
    JdbcUrlDataSource dataSource = new JdbcUrlDataSource();
    dataSource.setUrl("jdbc:h2:mem:from-setter");
    dataSource.setUser("setter_user");

    try (Connection connection = dataSource.getConnection()) {
      assertEquals("jdbc:h2:mem:from-setter", connection.getMetaData().getURL());
      assertEquals("SETTER_USER", connection.getMetaData().getUserName());
    }
  }
}
