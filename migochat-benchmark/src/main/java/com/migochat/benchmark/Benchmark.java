package com.migochat.benchmark;

import com.migochat.migrations.runner.ScratchDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures, side by side on throwaway PostgreSQL databases, what each {@link Contender} pays to
 * check a migrated database (what every boot pays), to apply N changesets to an empty one, and to
 * run the full_name data migration over many rows. Every step is a whole JVM process, timed from
 * start to exit. Prints medians with their ratios and writes every run to CSV.
 *
 * <p>{@code java -jar migochat-benchmark.jar [--quick] [--sizes=10,100,1000,3000] [--runs=3]
 * [--rows=1000000] [--out=target/benchmark] [--pg-url=jdbc:postgresql://127.0.0.1:5432/postgres]
 * [--pg-user=postgres]}
 */
public final class Benchmark {

  static final String NO_OP = "no-op check";
  static final String COLD_APPLY = "cold apply";
  static final String DATA_MIGRATION = "data migration";
  static final String RETAINED_HEAP = "retained heap";
  private static final long STEP_LIMIT_MINUTES = 30;

  private final Settings settings;
  private final Results results = new Results();
  private final PrintStream out;

  private Benchmark(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  /** What to measure and where. */
  record Settings(
      List<Integer> sizes, int runs, int rows, Path folder, String pgUrl, String pgUser) {

    static Settings parse(String... args) {
      List<Integer> sizes = List.of(10, 100, 1000, 3000);
      int runs = 3;
      int rows = 1_000_000;
      Path folder = Path.of("target", "benchmark");
      String pgUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
      String pgUser = "postgres";
      for (String arg : args) {
        String value = arg.substring(arg.indexOf('=') + 1);
        if (arg.equals("--quick")) {
          sizes = List.of(10);
          runs = 1;
          rows = 10_000;
        } else if (arg.startsWith("--sizes=")) {
          sizes = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
        } else if (arg.startsWith("--runs=")) {
          runs = Integer.parseInt(value);
        } else if (arg.startsWith("--rows=")) {
          rows = Integer.parseInt(value);
        } else if (arg.startsWith("--out=")) {
          folder = Path.of(value);
        } else if (arg.startsWith("--pg-url=")) {
          pgUrl = value;
        } else if (arg.startsWith("--pg-user=")) {
          pgUser = value;
        } else {
          throw new IllegalArgumentException(
              "Unknown option "
                  + arg
                  + ". Options: --quick --sizes=10,100 --runs=3 --rows=1000000 --out=DIR"
                  + " --pg-url=JDBC_URL --pg-user=USER");
        }
      }
      return new Settings(sizes, runs, rows, folder.toAbsolutePath(), pgUrl, pgUser);
    }
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    new Benchmark(settings, System.out).run();
  }

  private void run() throws Exception {
    out.printf(
        "Migochat migration benchmark: N = %s, %d runs, %,d rows; PostgreSQL at %s%n",
        settings.sizes(), settings.runs(), settings.rows(), settings.pgUrl());
    for (int size : settings.sizes()) {
      Path changeLogs = SyntheticChangeLogs.tables(settings.folder().resolve("n" + size), size);
      for (int run = 1; run <= settings.runs(); run++) {
        for (Contender contender : Contender.values()) {
          try (ScratchDatabase database = scratch()) {
            Timed apply = time(contender, database, changeLogs);
            results.add(COLD_APPLY, size, contender, run, apply.seconds());
            results.add(RETAINED_HEAP, size, contender, run, apply.retainedMegabytes());
            results.add(
                NO_OP, size, contender, run, time(contender, database, changeLogs).seconds());
          }
        }
        out.printf("  N = %d, run %d done%n", size, run);
      }
    }
    Path fullName = SyntheticChangeLogs.fullName(settings.folder().resolve("full-name"));
    for (int run = 1; run <= settings.runs(); run++) {
      for (Contender contender : Contender.values()) {
        try (ScratchDatabase database = scratch()) {
          people(database, settings.rows());
          results.add(
              DATA_MIGRATION,
              settings.rows(),
              contender,
              run,
              time(contender, database, fullName).seconds());
        }
      }
      out.printf("  data migration, run %d done%n", run);
    }
    out.println();
    results.printTable(out, NO_OP, "no-op check of a migrated database", "seconds");
    results.printTable(out, COLD_APPLY, "cold apply of every changeset", "seconds");
    results.printTable(out, DATA_MIGRATION, "full_name data migration (N = rows)", "seconds");
    results.printOverheads(out, DATA_MIGRATION);
    results.printTable(
        out, RETAINED_HEAP, "heap left in use after the cold apply (after GC)", "MB");
    Path csv = settings.folder().resolve("results.csv");
    results.writeCsv(csv);
    out.println("Every run: " + csv);
  }

  private ScratchDatabase scratch() {
    return ScratchDatabase.beside(settings.pgUrl(), settings.pgUser(), "");
  }

  /** A step's wall time, and the heap it left in use. */
  record Timed(double seconds, double retainedMegabytes) {}

  private Timed time(Contender contender, ScratchDatabase database, Path changeLogs)
      throws IOException, InterruptedException {
    String jar = ownJar();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Dliquibase.analytics.enabled=false");
    command.add("-cp");
    command.add(contender.changeLogOnClassPath() ? jar + ":" + changeLogs : jar);
    command.addAll(
        List.of(
            Step.class.getName(),
            contender.name(),
            database.url(),
            settings.pgUser(),
            changeLogs.toString()));
    Path log = Files.createTempFile(settings.folder(), "step", ".log");
    long started = System.nanoTime();
    Process step =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!step.waitFor(STEP_LIMIT_MINUTES, TimeUnit.MINUTES)) {
      step.destroyForcibly().waitFor();
      throw new IllegalStateException(contender.label() + " did not finish; its log: " + log);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (step.exitValue() != 0) {
      throw new IllegalStateException(
          contender.label()
              + " failed (exit "
              + step.exitValue()
              + "):\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    String heap =
        Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .filter(line -> line.startsWith(Step.HEAP))
            .reduce((first, last) -> last)
            .orElseThrow(() -> new IllegalStateException(contender.label() + " left no heap line"));
    Files.delete(log);
    return new Timed(seconds, Long.parseLong(heap.substring(Step.HEAP.length())) / 1e6);
  }

  private static void people(ScratchDatabase database, int rows) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement create = connection.createStatement();
        PreparedStatement fill =
            connection.prepareStatement(
                "INSERT INTO people SELECT g, 'First ' || g,"
                    + " CASE WHEN g % 10 = 0 THEN NULL ELSE 'Last ' || g END"
                    + " FROM generate_series(1, ?) g")) {
      create.execute(
          "CREATE TABLE people (id BIGINT PRIMARY KEY, first_name VARCHAR(100),"
              + " last_name VARCHAR(100))");
      fill.setInt(1, rows);
      fill.executeUpdate();
    }
  }

  private static String ownJar() {
    try {
      return Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException("Cannot locate the benchmark's jar", e));
    }
  }
}
