package com.migochat.runner.testing;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.DatabaseLogin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A database that exists for one test: a new PostgreSQL database on the local server (dropped on
 * close, even with connections still open) or a new H2 file database (deleted on close).
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
  private final String name;
  private final String url;
  private final String user;
  private final Path h2Folder;

  private ThrowawayDatabase(Engine engine, String name, String url, String user, Path h2Folder) {
    this.engine = engine;
    this.name = name;
    this.url = url;
    this.user = user;
    this.h2Folder = h2Folder;
  }

  public static ThrowawayDatabase create(Engine engine) {
    return engine == Engine.POSTGRESQL ? postgres() : h2();
  }

  /** A new, empty PostgreSQL database. */
  public static ThrowawayDatabase postgres() {
    String name = uniqueName();
    administer("CREATE DATABASE " + name);
    String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    return new ThrowawayDatabase(Engine.POSTGRESQL, name, url, ADMIN_USER, null);
  }

  /** A new, empty H2 file database under {@code target/h2}. */
  public static ThrowawayDatabase h2() {
    String name = uniqueName();
    Path folder = Path.of("target", "h2", name).toAbsolutePath();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the H2 folder " + folder, e);
    }
    return new ThrowawayDatabase(
        Engine.H2, name, "jdbc:h2:file:" + folder.resolve("migochat"), "sa", folder);
  }

  public Engine engine() {
    return engine;
  }

  /** The PostgreSQL server's address, as its URL names it. */
  public InetSocketAddress server() {
    Matcher address = PG_ADDRESS.matcher(url);
    if (engine != Engine.POSTGRESQL || !address.find()) {
      throw new IllegalStateException("Not a PostgreSQL URL: " + url);
    }
    return InetSocketAddress.createUnresolved(
        address.group(1), address.group(2) == null ? 5432 : Integer.parseInt(address.group(2)));
  }

  /** This database's URL with the server at {@code 127.0.0.1:localPort} (see TcpForwarder). */
  public String urlVia(int localPort) {
    return PG_ADDRESS.matcher(url).replaceFirst("//127.0.0.1:" + localPort + "/");
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public DatabaseLogin login() {
    return DatabaseLogin.of(url, user, "");
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

  @Override
  public void close() {
    if (engine == Engine.POSTGRESQL) {
      administer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      return;
    }
    try (Stream<Path> files = Files.walk(h2Folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the H2 database in " + h2Folder, e);
    }
  }

  @Override
  public String toString() {
    return engine + " " + name;
  }

  private static String uniqueName() {
    return "migochat_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static void administer(String sql) {
    try (Connection connection = DriverManager.getConnection(ADMIN_URL, ADMIN_USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot run '"
              + sql
              + "' on "
              + ADMIN_URL
              + ": "
              + e.getMessage()
              + ". Is PostgreSQL running? Start it with: pg_ctlcluster --skip-systemctl-redirect"
              + " 15 main start",
          e);
    }
  }
}
