package com.migochat.benchmark;

import com.migochat.runner.schema.ScratchDatabase;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The cold apply of N changesets to an empty database, then the no-op check of the database it
 * migrated (what every boot pays), and the heap the cold apply left in use; into {@link Results}.
 *
 * @param target the server each run gets a new database on
 * @param steps runs each migration in a JVM of its own
 * @param results where each run's time goes
 */
record ChangeSetTimes(BenchmarkTarget target, StepProcess steps, Results results) {

  static final String NO_OP = "no-op check";
  static final String COLD_APPLY = "cold apply";
  static final String RETAINED_HEAP = "retained heap";

  /** One run of {@code contender} on the {@code size} changesets in {@code changeLogs}. */
  void measure(Contender contender, int size, int run, Path changeLogs)
      throws IOException, InterruptedException {
    try (ScratchDatabase database = target.scratch()) {
      StepProcess.Timed apply = steps.time(contender, database, changeLogs);
      results.add(COLD_APPLY, size, contender, run, apply.seconds());
      results.add(RETAINED_HEAP, size, contender, run, apply.retainedMegabytes());
      results.add(
          NO_OP, size, contender, run, steps.time(contender, database, changeLogs).seconds());
    }
  }
}
