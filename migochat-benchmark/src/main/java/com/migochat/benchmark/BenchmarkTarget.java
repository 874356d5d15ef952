package com.migochat.benchmark;

import com.migochat.runner.database.DatabaseLogin;
import com.migochat.runner.schema.ScratchDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options both benchmarks share: where they write, the PostgreSQL server they create their
 * throwaway databases on, and the Payara Micro and Migochat WAR they boot, which the build copies
 * beside the benchmark's jar.
 */
final class BenchmarkTarget {

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for the results and the logs (default: ${DEFAULT-VALUE}).")
  private Path out = Path.of("target", "benchmark");

  @Option(
      names = "--pg-url",
      paramLabel = "JDBC_URL",
      description =
          "A database of the PostgreSQL server to create the throwaway databases on"
              + " (default: ${DEFAULT-VALUE}).")
  private String pgUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";

  @Option(
      names = "--pg-user",
      paramLabel = "USER",
      description = "PostgreSQL user (default: ${DEFAULT-VALUE}).")
  private String pgUser = "postgres";

  @Option(
      names = "--micro",
      paramLabel = "PAYARA_MICRO_JAR",
      description = "Payara Micro (default: ${DEFAULT-VALUE}).")
  private Path micro = besideTheJar("payara-micro.jar");

  @Option(
      names = "--war",
      paramLabel = "MIGOCHAT_WAR",
      description = "Migochat's WAR (default: ${DEFAULT-VALUE}).")
  private Path war = besideTheJar("migochat.war");

  Path folder() {
    return out.toAbsolutePath();
  }

  String pgUrl() {
    return pgUrl;
  }

  String pgUser() {
    return pgUser;
  }

  Path micro() {
    return micro.toAbsolutePath();
  }

  Path war() {
    return war.toAbsolutePath();
  }

  /** A new, empty database on the PostgreSQL server, dropped on close. */
  ScratchDatabase scratch() {
    return ScratchDatabase.beside(DatabaseLogin.of(pgUrl, pgUser, ""));
  }

  /**
   * The settings, as Payara Micro's system properties, that point Migochat at {@code database},
   * with the given admin password and backups under the output folder.
   */
  Map<String, String> migochatSettings(ScratchDatabase database, String adminPassword) {
    return Map.of(
        "migochat.db.url",
        database.url(),
        "migochat.db.user",
        pgUser,
        "migochat.admin.password",
        adminPassword,
        "migochat.backup.dir",
        folder().resolve("backups").toString());
  }

  /** The benchmark's own jar, which each measured step runs from in a JVM of its own. */
  static String ownJar() {
    try {
      return Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException("Cannot locate the benchmark's jar", e));
    }
  }

  private static Path besideTheJar(String file) {
    return Path.of(ownJar()).resolveSibling(file);
  }
}
