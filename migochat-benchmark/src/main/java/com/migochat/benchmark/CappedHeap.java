package com.migochat.benchmark;

import com.migochat.runner.schema.ScratchDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether each contender's cold apply of N changesets completes with the heap capped at {@value
 * #CAP_MB} MB: proof that what it holds at once fits, garbage collected as it goes.
 */
final class CappedHeap {

  static final int CAP_MB = 32;

  /** Whether a contender's cold apply of N changesets completed in the capped heap. */
  private record Capped(int size, Contender contender, boolean completed) {}

  private final BenchmarkTarget target;
  private final StepProcess steps;
  private final List<Capped> capped = new ArrayList<>();

  CappedHeap(BenchmarkTarget target, StepProcess steps) {
    this.target = target;
    this.steps = steps;
  }

  /** One cold apply of the {@code size} changesets in {@code changeLogs} by {@code contender}. */
  void measure(Contender contender, int size, Path changeLogs)
      throws IOException, InterruptedException {
    try (ScratchDatabase database = target.scratch()) {
      capped.add(
          new Capped(
              size, contender, steps.completesInHeap(CAP_MB, contender, database, changeLogs)));
    }
  }

  /** A row per N, a column per contender: "completes" or "out of memory". */
  void print(PrintStream out, List<Integer> sizes) {
    out.printf("cold apply with the heap capped at %d MB (-Xmx%dm), one run:%n", CAP_MB, CAP_MB);
    out.printf("%9s", "N");
    for (Contender contender : Contender.values()) {
      out.printf("  %-20s", contender.label());
    }
    out.println();
    for (int size : sizes) {
      out.printf("%9d", size);
      for (Contender contender : Contender.values()) {
        boolean completed =
            capped.stream()
                .anyMatch(c -> c.size() == size && c.contender() == contender && c.completed());
        out.printf("  %-20s", completed ? "completes" : "out of memory");
      }
      out.println();
    }
    out.println();
  }
}
