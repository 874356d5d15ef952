package com.migochat.migrations.runner;

import com.migochat.migrations.datasource.JdbcUrlDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * An empty database of the same kind as the one being migrated, to build a schema in and compare:
 * on PostgreSQL a new database on the same server (the user needs CREATEDB), dropped on close; on
 * H2 an in-memory database, gone on close.
 */
public final class ScratchDatabase implements AutoCloseable {

  private static final Pattern POSTGRES_URL =
      Pattern.compile("(jdbc:postgresql://[^/]*/)([^?]*)(.*)");

  private final String url;
  private final String user;
  private final String password;
  private final Runnable drop;

  private ScratchDatabase(String url, String user, String password, Runnable drop) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.drop = drop;
  }

  /** Creates an empty database beside the one at {@code url}. */
  public static ScratchDatabase beside(String url, String user, String password) {
    String name = "migochat_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(16);
    Matcher postgres = POSTGRES_URL.matcher(url);
    if (postgres.matches()) {
      DataSource server = dataSource(url, user, password);
      execute(server, "CREATE DATABASE " + name, "create a scratch database");
      return new ScratchDatabase(
          postgres.group(1) + name + postgres.group(3),
          user,
          password,
          () ->
              execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "drop " + name));
    }
    if (url.startsWith("jdbc:h2:")) {
      String memory = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
      DataSource scratch = dataSource(memory, user, password);
      return new ScratchDatabase(
          memory, user, password, () -> execute(scratch, "SHUTDOWN", "drop " + name));
    }
    throw new MigrationException(
        new MigrationFailure(
            MigrationError.UNEXPECTED,
            null,
            "comparing schemas needs a scratch database, which Migochat can make for PostgreSQL"
                + " and H2 only, not for "
                + url.replaceAll("^(jdbc:[^:]+).*", "$1"),
            "run this against PostgreSQL or H2"),
        null);
  }

  /** Its JDBC URL, for a tool that connects by URL. */
  public String url() {
    return url;
  }

  public DataSource dataSource() {
    return dataSource(url, user, password);
  }

  @Override
  public void close() {
    drop.run();
  }

  private static DataSource dataSource(String url, String user, String password) {
    JdbcUrlDataSource dataSource = new JdbcUrlDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }

  private static void execute(DataSource dataSource, String sql, String purpose) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new MigrationException(
          new MigrationFailure(
              MigrationError.UNEXPECTED,
              null,
              "cannot " + purpose + " (" + sql + "): " + e.getMessage(),
              "the user must be allowed to create databases (ALTER ROLE <user> CREATEDB), or run"
                  + " this as one who is"),
          e);
    }
  }
}
