package com.migochat.runner.database;

import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.Driver;

/**
 * A JDBC URL and what Migochat needs to know of it: which engine it names, the database's name, the
 * same server's other databases, and a data source for it. PostgreSQL URLs are read by the
 * PostgreSQL driver's own parser, so that every URL the driver connects with (several hosts, IPv6
 * addresses, parameters) is understood the same way here.
 *
 * @param url the JDBC URL as configured
 * @param engine the engine it names
 */
public record DatabaseUrl(String url, Engine engine) {

  /** The {@code migochat.db.url} default: an H2 file under {@code ./data}. */
  public static final String DEFAULT = "jdbc:h2:file:./data/migochat";

  /** The {@code migochat.db.user} default, H2's. */
  public static final String DEFAULT_USER = "sa";

  private static final Pattern POSTGRES_DATABASE =
      Pattern.compile("(jdbc:postgresql:(?://[^/]*/)?)([^?]*)(.*)");

  /** The engines Migochat knows; any other JDBC URL still connects, without backups or scratch. */
  public enum Engine {
    POSTGRESQL,
    H2,
    OTHER
  }

  /** Reads {@code url}; the engine follows from its scheme. */
  public static DatabaseUrl of(String url) {
    if (url == null || url.isBlank()) {
      throw MigrationException.because(
          MigrationError.DATABASE_UNREACHABLE,
          "no database URL is configured",
          "set migochat.db.url (MIGOCHAT_DB_URL), e.g. jdbc:postgresql://host:5432/migochat");
    }
    Engine engine =
        url.startsWith("jdbc:postgresql:")
            ? Engine.POSTGRESQL
            : url.startsWith("jdbc:h2:") ? Engine.H2 : Engine.OTHER;
    return new DatabaseUrl(url, engine);
  }

  public boolean postgres() {
    return engine == Engine.POSTGRESQL;
  }

  public boolean h2() {
    return engine == Engine.H2;
  }

  /**
   * The URL as the PostgreSQL driver reads it ({@code PGHOST}, {@code PGPORT}, {@code PGDBNAME},
   * user, password and every parameter); a URL it cannot read is a setting to correct.
   */
  public Properties postgresProperties() {
    Properties parsed = postgres() ? Driver.parseURL(url, new Properties()) : null;
    if (parsed == null) {
      throw MigrationException.because(
          MigrationError.DATABASE_UNREACHABLE,
          "the PostgreSQL driver cannot read the URL in migochat.db.url",
          "correct it (jdbc:postgresql://host:port/database, several hosts separated by commas,"
              + " IPv6 addresses in brackets)");
    }
    return parsed;
  }

  /** The database's name: PostgreSQL's database, or the last part of an H2 path. */
  public String database() {
    if (postgres()) {
      return postgresProperties().getProperty("PGDBNAME", "");
    }
    String path = url.split(";", 2)[0];
    return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf(':')) + 1);
  }

  /**
   * Another database of the same kind: on PostgreSQL the database {@code name} on the same server
   * with the same parameters; on H2 an in-memory database {@code name}, kept until it is shut down.
   */
  public DatabaseUrl sibling(String name) {
    if (h2()) {
      return of("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }
    Matcher parts = POSTGRES_DATABASE.matcher(url);
    if (!postgres() || !parts.matches()) {
      throw MigrationException.because(
          MigrationError.UNEXPECTED,
          "Migochat makes scratch databases for PostgreSQL and H2 only, not for "
              + url.replaceAll("^(jdbc:[^:]+).*", "$1"),
          "run this against PostgreSQL or H2");
    }
    return of(parts.group(1) + name + parts.group(3));
  }

  /** A data source that opens connections to this URL as {@code user}. */
  public DataSource dataSource(String user, String password) {
    JdbcUrlDataSource dataSource = new JdbcUrlDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }

  @Override
  public String toString() {
    return url;
  }
}
