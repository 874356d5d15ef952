package com.migochat.runner.schema;

import com.migochat.runner.database.DatabaseLogin;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An empty database of the same kind as the one being migrated, to build a schema in and compare:
 * on PostgreSQL a new database on the same server (the user needs CREATEDB), dropped on close; on
 * H2 an in-memory database, gone on close.
 */
public final class ScratchDatabase implements AutoCloseable {

  private final DatabaseLogin login;
  private final Runnable drop;

  private ScratchDatabase(DatabaseLogin login, Runnable drop) {
    this.login = login;
    this.drop = drop;
  }

  /** Creates an empty database beside the one {@code login} reaches. */
  public static ScratchDatabase beside(DatabaseLogin login) {
    String name = "migochat_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(16);
    DatabaseLogin scratch = login.sibling(name);
    if (login.url().postgres()) {
      DataSource server = login.dataSource();
      execute(server, "CREATE DATABASE " + name, "create a scratch database");
      return new ScratchDatabase(
          scratch,
          () ->
              execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "drop " + name));
    }
    DataSource memory = scratch.dataSource();
    return new ScratchDatabase(scratch, () -> execute(memory, "SHUTDOWN", "drop " + name));
  }

  /** Its JDBC URL, for a tool that connects by URL. */
  public String url() {
    return login.url().url();
  }

  /** How to log in to it: the login it was made beside, on this database. */
  public DatabaseLogin login() {
    return login;
  }

  public DataSource dataSource() {
    return login.dataSource();
  }

  @Override
  public void close() {
    drop.run();
  }

  private static void execute(DataSource dataSource, String sql, String purpose) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw MigrationException.because(
          MigrationError.UNEXPECTED,
          null,
          "cannot " + purpose + " (" + sql + "): " + e.getMessage(),
          "the user must be allowed to create databases (ALTER ROLE <user> CREATEDB), or run"
              + " this as one who is",
          e);
    }
  }
}
