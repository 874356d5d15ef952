package com.migochat.runner.database;

import com.migochat.runner.failure.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain JDBC work on a connection of the runner's data source, each call on its own connection; a
 * database that cannot be reached, or refuses the login, says which setting to check.
 */
public final class Connections {

  /** JDBC work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  public Connections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> T run(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw MigrationException.ofConnection(e);
    }
  }
}
