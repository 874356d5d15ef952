package com.migochat.benchmark;

import java.nio.file.Path;
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

  private static Path besideTheJar(String file) {
    return Path.of(Benchmark.ownJar()).resolveSibling(file);
  }
}
