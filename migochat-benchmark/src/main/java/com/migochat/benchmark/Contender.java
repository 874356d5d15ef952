package com.migochat.benchmark;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.DatabaseLogin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;

/**
 * One way of bringing a database to the migrations of a folder. Each runs in its own JVM (see
 * {@link Step}), so what is measured is what a deployment or a command pays, start-up included.
 */
enum Contender {

  /** Plain JDBC: read a history table, run each missing SQL file and record it. The floor. */
  FLOOR("floor") {
    @Override
    void migrate(String url, String user, Path folder) throws Exception {
      try (Connection connection = DriverManager.getConnection(url, user, "")) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE TABLE IF NOT EXISTS floor_history (version INT PRIMARY KEY)");
        }
        Set<Integer> applied = new HashSet<>();
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT version FROM floor_history")) {
          while (rows.next()) {
            applied.add(rows.getInt(1));
          }
        }
        connection.setAutoCommit(false);
        for (Path file : sqlFiles(folder)) {
          int version = version(file);
          if (applied.contains(version)) {
            continue;
          }
          try (Statement statement = connection.createStatement();
              PreparedStatement record =
                  connection.prepareStatement("INSERT INTO floor_history VALUES (?)")) {
            statement.execute(Files.readString(file));
            record.setInt(1, version);
            record.executeUpdate();
          }
          connection.commit();
        }
      }
    }
  },

  /** Flyway Community with the SQL files, configured as its documentation shows. */
  FLYWAY("flyway") {
    @Override
    void migrate(String url, String user, Path folder) {
      Flyway.configure()
          .dataSource(url, user, "")
          .locations("filesystem:" + folder.resolve("sql"))
          // The data migration runs on a table that exists before Flyway's history does.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    }
  },

  /** Liquibase 4.33's update command on one XML file, configured as a user would. */
  LIQUIBASE_ONE_FILE("liquibase one file") {
    @Override
    void migrate(String url, String user, Path folder) throws Exception {
      liquibaseUpdate(url, user, folder, SyntheticChangeLogs.ONE_FILE);
    }
  },

  /** Liquibase 4.33's update command on one file per changeset, Migochat's layout. */
  LIQUIBASE_PER_FILE("liquibase per file") {
    @Override
    void migrate(String url, String user, Path folder) throws Exception {
      liquibaseUpdate(url, user, folder, SyntheticChangeLogs.PER_FILE);
    }
  },

  /** Migochat's MigrationRunner, as the server runs it, on one file per changeset. */
  RUNNER("migochat runner") {
    @Override
    void migrate(String url, String user, Path folder) {
      new MigrationRunner(
              MigrationConfiguration.configure(DatabaseLogin.of(url, user, ""))
                  .changeLog(SyntheticChangeLogs.PER_FILE)
                  .load())
          .upgrade();
    }

    @Override
    boolean changeLogOnClassPath() {
      return true;
    }
  };

  private final String label;

  Contender(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** Brings the database at {@code url} to the migrations in {@code folder}. */
  abstract void migrate(String url, String user, Path folder) throws Exception;

  /** Whether the folder must be on the class path (the runner reads changelogs from there). */
  boolean changeLogOnClassPath() {
    return false;
  }

  private static void liquibaseUpdate(String url, String user, Path folder, String changeLog)
      throws Exception {
    Scope.child(
        Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(folder)),
        () ->
            new CommandScope("update")
                .addArgumentValue("url", url)
                .addArgumentValue("username", user)
                .addArgumentValue("password", "")
                .addArgumentValue("changelogFile", changeLog)
                .execute());
  }

  private static List<Path> sqlFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder.resolve("sql"))) {
      return files.sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
    }
  }

  private static int version(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }
}
