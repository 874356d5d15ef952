package com.migochat.migrations.runner;

import com.migochat.migrations.datasource.JdbcUrlDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backs a database up to a timestamped file and restores it: PostgreSQL with pg_dump, pg_restore
 * and psql (custom format), H2 with its SCRIPT and RUNSCRIPT commands (zipped SQL).
 */
public final class DatabaseBackup {

  private static final Pattern POSTGRES_URL =
      Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+).*");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
  private static final long TOOL_LIMIT_MINUTES = 60;
  private static final String DROP_EVERY_TABLE =
      "DO $$ DECLARE t record; BEGIN"
          + " FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP"
          + " EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', t.tablename);"
          + " END LOOP; END $$";

  private final String url;
  private final String user;
  private final String password;
  private final Path postgresTools;

  /**
   * @param postgresTools the folder of pg_dump and pg_restore, to match the server's major version;
   *     null to find them on the PATH
   */
  public DatabaseBackup(String url, String user, String password, Path postgresTools) {
    this.url = url;
    this.user = user;
    this.password = password == null ? "" : password;
    this.postgresTools = postgresTools;
  }

  /** Whether the database is PostgreSQL (backed up with pg_dump) rather than H2. */
  public boolean postgres() {
    return POSTGRES_URL.matcher(url).matches();
  }

  /** Writes a backup into {@code folder} as {@code migochat-<stamp>.dump} or {@code .zip}. */
  public BackupResult backup(Path folder) {
    long started = System.nanoTime();
    String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw failed("cannot create the backup folder " + folder + ": " + e.getMessage(), e);
    }
    Matcher postgres = POSTGRES_URL.matcher(url);
    Path file;
    if (postgres.matches()) {
      file = folder.resolve("migochat-" + stamp + ".dump").toAbsolutePath().normalize();
      runTool(
          List.of(
              "pg_dump",
              "--format=custom",
              "--no-owner",
              "--file=" + file,
              "--dbname=" + libpqUri(postgres)));
    } else if (url.startsWith("jdbc:h2:")) {
      file = folder.resolve("migochat-" + stamp + ".zip").toAbsolutePath().normalize();
      h2("SCRIPT TO " + literal(file) + " COMPRESSION ZIP");
    } else {
      throw unsupported();
    }
    return new BackupResult(file, size(file), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Replaces the database's content with the backup's. */
  public BackupResult restore(Path file) {
    long started = System.nanoTime();
    if (!Files.isReadable(file)) {
      throw failed("cannot read the backup " + file, null);
    }
    Matcher postgres = POSTGRES_URL.matcher(url);
    if (postgres.matches()) {
      restorePostgres(postgres, file.toAbsolutePath());
    } else if (url.startsWith("jdbc:h2:")) {
      h2(
          "DROP ALL OBJECTS",
          "RUNSCRIPT FROM " + literal(file.toAbsolutePath()) + " COMPRESSION ZIP");
    } else {
      throw unsupported();
    }
    return new BackupResult(file, size(file), Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Turns the dump into SQL, then runs it with psql in one transaction that first drops every table
   * of the schema: the database ends up exactly as backed up, tables created since included, or, if
   * anything fails, exactly as it was.
   */
  private void restorePostgres(Matcher postgres, Path dump) {
    Path script;
    try {
      script = Files.createTempFile("migochat-restore", ".sql");
    } catch (IOException e) {
      throw failed("cannot create a temporary file for the restore: " + e.getMessage(), e);
    }
    try {
      runTool(List.of("pg_restore", "--no-owner", "--file=" + script, dump.toString()));
      runTool(
          List.of(
              "psql",
              "--no-psqlrc",
              "--quiet",
              "--single-transaction",
              "--set=ON_ERROR_STOP=1",
              "--command=" + DROP_EVERY_TABLE,
              "--file=" + script,
              "--dbname=" + libpqUri(postgres)));
    } finally {
      try {
        Files.deleteIfExists(script);
      } catch (IOException e) {
        // A leftover temporary file is harmless; the restore's outcome is what matters.
      }
    }
  }

  private String libpqUri(Matcher postgres) {
    String port = postgres.group(2) == null ? "5432" : postgres.group(2);
    return "postgresql://" + user + "@" + postgres.group(1) + ":" + port + "/" + postgres.group(3);
  }

  private void runTool(List<String> command) {
    String tool = command.get(0);
    List<String> invocation = new ArrayList<>(command);
    if (postgresTools != null) {
      invocation.set(0, postgresTools.resolve(tool).toString());
    }
    try {
      Path output = Files.createTempFile(tool, ".log");
      ProcessBuilder builder =
          new ProcessBuilder(invocation).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().put("PGPASSWORD", password);
      Process process;
      try {
        process = builder.start();
      } catch (IOException notInstalled) {
        throw failed(
            (postgresTools == null
                    ? tool + " is not on the PATH"
                    : invocation.get(0) + " is missing")
                + "; install the PostgreSQL client tools (pg_dump, pg_restore, psql) of the"
                + " server's major version (Debian:"
                + " apt-get install postgresql-client) or point --pg-bin (MIGOCHAT_PG_BIN) at"
                + " their folder",
            notInstalled);
      }
      if (!process.waitFor(TOOL_LIMIT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw failed(tool + " did not finish within " + TOOL_LIMIT_MINUTES + " minutes", null);
      }
      String said = Files.readString(output, StandardCharsets.UTF_8).strip();
      Files.delete(output);
      if (process.exitValue() != 0) {
        throw failed(tool + " failed (exit " + process.exitValue() + "): " + said, null);
      }
    } catch (IOException e) {
      throw failed("cannot run " + tool + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("interrupted while " + tool + " ran", e);
    }
  }

  private void h2(String... statements) {
    JdbcUrlDataSource dataSource = new JdbcUrlDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw failed("H2 refused " + statements[statements.length - 1] + ": " + e.getMessage(), e);
    }
  }

  private static String literal(Path file) {
    return "'" + file.toString().replace("'", "''") + "'";
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw failed("cannot read the size of " + file, e);
    }
  }

  private MigrationException unsupported() {
    return failed(
        "backups support PostgreSQL and H2, not " + url.replaceAll("^(jdbc:[^:]+).*", "$1"), null);
  }

  private static MigrationException failed(String what, Throwable cause) {
    return new MigrationException(
        new MigrationFailure(
            MigrationError.BACKUP_FAILED,
            null,
            what,
            "fix the cause above and run the backup or restore again; the database was not"
                + " changed by a failed backup"),
        cause);
  }
}
