package com.migochat.runner.testing;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.DatabaseLogin;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.schema.ScratchDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A database that exists for one test: a new PostgreSQL database on the local server, created and
 * dropped (even with connections still open) by the runner's own {@link ScratchDatabase}, or a new
 * H2 file database, deleted on close. H2 gets a file, not the scratch database's in-memory one,
 * because Payara Micro and the CLI's jar open it from processes of their own.
 *
 * <p>The PostgreSQL server is the one at {@code migochat.it.pg.url} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres}) as {@code migochat.it.pg.user} (default {@code
 * postgres}), with trust authentication.
 */
public final class ThrowawayDatabase implements AutoCloseable {

  /** Which database engine. */
  public enum Engine {
    POSTGRESQL,
    H2
  }

  private static final String ADMIN_URL =
      System.getProperty("migochat.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final Pattern PG_ADDRESS = Pattern.compile("//([^:/]+)(?::(\\d+))?/");
  private static final String ADMIN_USER = System.getProperty("migochat.it.pg.user", "postgres");

  private final Engine engine;
  private final DatabaseLogin login;
  private final Runnable drop;

  private ThrowawayDatabase(Engine engine, DatabaseLogin login, Runnable drop) {
    this.engine = engine;
    this.login = login;
    this.drop = drop;
  }

  public static ThrowawayDatabase create(Engine engine) {
    return engine == Engine.POSTGRESQL ? postgres() : h2();
  }

  /** A new, empty PostgreSQL database. */
  public static ThrowawayDatabase postgres() {
    ScratchDatabase scratch;
    try {
      scratch = ScratchDatabase.beside(DatabaseLogin.of(ADMIN_URL, ADMIN_USER, ""));
    } catch (MigrationException e) {
      throw new IllegalStateException(
          e.getMessage()
              + ". Is PostgreSQL running at "
              + ADMIN_URL
              + "? Start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start",
          e);
    }
    return new ThrowawayDatabase(Engine.POSTGRESQL, scratch.login(), scratch::close);
  }

  /** A new, empty H2 file database under {@code target/h2}. */
  public static ThrowawayDatabase h2() {
    Path folder = Path.of("target", "h2", uniqueName()).toAbsolutePath();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the H2 folder " + folder, e);
    }
    DatabaseLogin login = DatabaseLogin.of("jdbc:h2:file:" + folder.resolve("migochat"), "sa", "");
    return new ThrowawayDatabase(Engine.H2, login, () -> delete(folder));
  }

  public Engine engine() {
    return engine;
  }

  /** The PostgreSQL server's address, as its URL names it. */
  public InetSocketAddress server() {
    Matcher address = PG_ADDRESS.matcher(url());
    if (engine != Engine.POSTGRESQL || !address.find()) {
      throw new IllegalStateException("Not a PostgreSQL URL: " + url());
    }
    return InetSocketAddress.createUnresolved(
        address.group(1), address.group(2) == null ? 5432 : Integer.parseInt(address.group(2)));
  }

  /**
   * This database's URL with the server at {@code 127.0.0.1:localPort}, where a test forwards it
   * (see migochat-testkit's TcpForwarder).
   */
  public String urlVia(int localPort) {
    return PG_ADDRESS.matcher(url()).replaceFirst("//127.0.0.1:" + localPort + "/");
  }

  public String url() {
    return login.url().url();
  }

  public String user() {
    return login.user();
  }

  public DatabaseLogin login() {
    return login;
  }

  /** A data source as the application builds it, driver chosen from the URL. */
  public DataSource dataSource() {
    return login().dataSource();
  }

  /** A runner's configuration on this database: the shipped changelog, no backups. */
  public MigrationConfiguration.Builder configure() {
    return MigrationConfiguration.configure(login());
  }

  /** A runner of the shipped changelog on this database. */
  public MigrationRunner runner() {
    return new MigrationRunner(configure().load());
  }

  /** A runner of the changelog at {@code changeLog} on the class path, on this database. */
  public MigrationRunner runner(String changeLog) {
    return new MigrationRunner(configure().changeLog(changeLog).load());
  }

  public Connection connect() throws SQLException {
    return dataSource().getConnection();
  }

  /** Runs {@code statements} one after the other on one connection, as a person at psql would. */
  public void execute(String... statements) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  @Override
  public void close() {
    drop.run();
  }

  @Override
  public String toString() {
    return engine + " " + url();
  }

  private static String uniqueName() {
    return "migochat_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the H2 database in " + folder, e);
    }
  }
}
