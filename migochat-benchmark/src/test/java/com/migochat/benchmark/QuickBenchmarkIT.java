package com.migochat.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The benchmark still works: the built jar's quick mode measures every contender and operation on
 * PostgreSQL, boots Payara Micro bare and with Migochat, and writes them all; its quick history
 * load gets only 200s from both endpoints; its quick blocked migration measures every tool with no
 * failed write. A smoke test; it asserts no timing.
 */
class QuickBenchmarkIT {

  @Test
  void theQuickModeMeasuresEveryContenderAndOperation() throws Exception {
    Path folder = Path.of("target", "benchmark-quick").toAbsolutePath();
    Path output = Files.createTempFile("benchmark", ".out");
    Process benchmark =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                System.getProperty("migochat.benchmark.jar"),
                "--quick",
                "--out=" + folder,
                "--pg-url=" + System.getProperty("migochat.it.pg.url"),
                "--pg-user=" + System.getProperty("migochat.it.pg.user"))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertTrue(benchmark.waitFor(10, TimeUnit.MINUTES), "the quick benchmark did not finish");
    String printed = Files.readString(output, StandardCharsets.UTF_8);

    assertEquals(0, benchmark.exitValue(), printed);
    for (String table :
        List.of(
            "no-op check of a migrated database: median seconds",
            "cold apply of every changeset: median seconds",
            "heap left in use after the cold apply (after GC): median MB",
            "cold apply with the heap capped at 32 MB (-Xmx32m), one run:",
            "Payara Micro boot until it answers HTTP, median of 1: bare ")) {
      assertTrue(printed.contains(table), printed);
    }
    List<String> csv = Files.readAllLines(folder.resolve("results.csv"));
    int operations = 4;
    assertEquals(1 + operations * Contender.values().length, csv.size(), String.join("\n", csv));
    for (Contender contender : Contender.values()) {
      assertEquals(
          operations,
          csv.stream().filter(line -> line.contains("," + contender.label() + ",")).count(),
          contender.label());
    }
    List<String> boots = Files.readAllLines(folder.resolve("boot.csv"));
    assertEquals(2, boots.size(), String.join("\n", boots));
  }

  @Test
  void theQuickHistoryLoadGetsOnly200sFromBothEndpoints() throws Exception {
    String printed = quick(HistoryLoad.OPTION);

    assertTrue(printed.contains("Rows in DATABASECHANGELOG: 200 "), printed);
    for (Endpoint endpoint : HistoryLoad.ENDPOINTS) {
      assertTrue(printed.contains(endpoint.name() + " "), printed);
    }
  }

  @Test
  void theQuickBlockedMigrationMeasuresEveryToolBehindTheReader() throws Exception {
    String printed = quick(BlockedMigration.OPTION);

    for (Contender contender : BlockedMigration.CONTENDERS) {
      assertTrue(
          printed.lines().anyMatch(line -> line.matches(contender.label() + " +\\d+ +0 .*")),
          contender.label() + " wrote nothing or had failed writes: " + printed);
    }
  }

  /** Runs the built jar's quick pass of {@code mode}; asserts it ends well and gives its output. */
  private static String quick(String mode) throws Exception {
    Path output = Files.createTempFile("benchmark-mode", ".out");
    Process benchmark =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                System.getProperty("migochat.benchmark.jar"),
                mode,
                "--quick",
                "--out=" + Path.of("target", "benchmark-quick").toAbsolutePath(),
                "--pg-url=" + System.getProperty("migochat.it.pg.url"),
                "--pg-user=" + System.getProperty("migochat.it.pg.user"))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertTrue(benchmark.waitFor(5, TimeUnit.MINUTES), mode + " --quick did not finish");
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertEquals(0, benchmark.exitValue(), printed);
    return printed;
  }
}
