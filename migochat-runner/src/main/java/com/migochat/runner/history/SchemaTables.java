package com.migochat.runner.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The tables of the connection's current schema, read from JDBC metadata. Table names are compared
 * in both cases: PostgreSQL folds unquoted names to lower case, H2 to upper case.
 */
public final class SchemaTables {

  private SchemaTables() {}

  /** Whether the table exists, whichever case the database folded its name to. */
  public static boolean exists(Connection connection, String name) throws SQLException {
    for (String candidate : List.of(name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
      try (ResultSet tables =
          connection
              .getMetaData()
              .getTables(null, connection.getSchema(), candidate, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every table but Liquibase's own, sorted by name, as the database spells them. */
  public static List<String> application(Connection connection) throws SQLException {
    return matching(
        connection, name -> !name.toLowerCase(Locale.ROOT).startsWith("databasechangelog"));
  }

  /** The tables of the connection's current schema that {@code wanted} accepts, sorted. */
  public static List<String> matching(Connection connection, Predicate<String> wanted)
      throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet result =
        connection
            .getMetaData()
            .getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (result.next()) {
        String name = result.getString("TABLE_NAME");
        if (wanted.test(name)) {
          tables.add(name);
        }
      }
    }
    tables.sort(null);
    return tables;
  }
}
