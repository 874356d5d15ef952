package com.migochat.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Every timed run, and their medians and ratios. */
final class Results {

  /** One timed run. */
  record Run(String operation, int size, Contender contender, int run, double seconds) {}

  private final List<Run> runs = new ArrayList<>();

  void add(String operation, int size, Contender contender, int run, double seconds) {
    runs.add(new Run(operation, size, contender, run, seconds));
  }

  double median(String operation, int size, Contender contender) {
    List<Double> seconds =
        runs.stream()
            .filter(
                run ->
                    run.operation().equals(operation)
                        && run.size() == size
                        && run.contender() == contender)
            .map(Run::seconds)
            .sorted()
            .toList();
    int middle = seconds.size() / 2;
    return seconds.size() % 2 == 1
        ? seconds.get(middle)
        : (seconds.get(middle - 1) + seconds.get(middle)) / 2;
  }

  /** Medians per N and contender, each with its ratio to the floor, then the runner's ratios. */
  void printTable(PrintStream out, String operation, String title, String unit) {
    out.printf("%s: median %s (ratio to the floor)%n", title, unit);
    out.printf("%9s", "N");
    for (Contender contender : Contender.values()) {
      out.printf("  %-20s", contender.label());
    }
    out.printf("  %s%n", "migochat runner vs flyway / vs liquibase per file");
    for (int size : sizes(operation)) {
      double floor = median(operation, size, Contender.FLOOR);
      out.printf("%9d", size);
      for (Contender contender : Contender.values()) {
        double median = median(operation, size, contender);
        out.printf("  %-20s", String.format(Locale.ROOT, "%.2f (%.1fx)", median, median / floor));
      }
      double runner = median(operation, size, Contender.RUNNER);
      out.printf(
          Locale.ROOT,
          "  %.2fx / %.2fx%n",
          runner / median(operation, size, Contender.FLYWAY),
          runner / median(operation, size, Contender.LIQUIBASE_PER_FILE));
    }
    out.println();
  }

  /**
   * What each contender adds to the floor's run of the same SQL, and how much of that is its fixed
   * start-up: what it adds to the floor's cold apply of the fewest changesets measured, which no
   * number of rows changes.
   */
  void printOverheads(PrintStream out, String operation, String startUpOperation) {
    int fewest = sizes(startUpOperation).first();
    for (int size : sizes(operation)) {
      double floor = median(operation, size, Contender.FLOOR);
      out.printf(
          "%s over %,d rows, overhead over the floor (of which start-up, i.e. the overhead of"
              + " a %s of %d changesets; net of it):%n",
          operation, size, startUpOperation, fewest);
      for (Contender contender : Contender.values()) {
        if (contender != Contender.FLOOR) {
          double overhead = median(operation, size, contender) - floor;
          double startUp =
              median(startUpOperation, fewest, contender)
                  - median(startUpOperation, fewest, Contender.FLOOR);
          out.printf(
              Locale.ROOT,
              "  %-20s %+.2f s (start-up %+.2f s; net %+.2f s)%n",
              contender.label(),
              overhead,
              startUp,
              overhead - startUp);
        }
      }
    }
    out.println();
  }

  void writeCsv(Path file) {
    StringBuilder csv = new StringBuilder("operation,n,contender,run,seconds\n");
    for (Run run : runs) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%s,%d,%.3f%n",
              run.operation(),
              run.size(),
              run.contender().label(),
              run.run(),
              run.seconds()));
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, csv);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private TreeSet<Integer> sizes(String operation) {
    TreeSet<Integer> sizes = new TreeSet<>();
    runs.stream()
        .filter(run -> run.operation().equals(operation))
        .forEach(r -> sizes.add(r.size()));
    return sizes;
  }
}
