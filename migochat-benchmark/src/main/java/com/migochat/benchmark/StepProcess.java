package com.migochat.benchmark;

import com.migochat.runner.schema.ScratchDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link Step} in a JVM of its own on the benchmark's jar, as a deployment or a command
 * pays it: timed from start to exit, with the heap it left in use, or in a capped heap.
 */
final class StepProcess {

  private static final long LIMIT_MINUTES = 30;

  /** A step's wall time, and the heap it left in use. */
  record Timed(double seconds, double retainedMegabytes) {}

  private final BenchmarkTarget target;

  StepProcess(BenchmarkTarget target) {
    this.target = target;
  }

  /** Brings {@code database} to the migrations in {@code changeLogs} with {@code contender}. */
  Timed time(Contender contender, ScratchDatabase database, Path changeLogs)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(target.folder(), "step", ".log");
    long started = System.nanoTime();
    int exit = run(contender, database, changeLogs, List.of(), log);
    double seconds = (System.nanoTime() - started) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException(
          contender.label()
              + " failed (exit "
              + exit
              + "):\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Timed(seconds, megabytes(lines, Step.HEAP, contender));
  }

  /**
   * Whether the same completes with the heap capped at {@code megabytes}: proof that everything the
   * contender holds at once fits, garbage collected as it goes.
   */
  boolean completesInHeap(
      int megabytes, Contender contender, ScratchDatabase database, Path changeLogs)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(target.folder(), "capped", ".log");
    int exit = run(contender, database, changeLogs, List.of("-Xmx" + megabytes + "m"), log);
    boolean outOfMemory =
        Files.readString(log, StandardCharsets.UTF_8).contains("OutOfMemoryError");
    if (exit != 0 && !outOfMemory) {
      throw new IllegalStateException(
          contender.label() + " failed in a capped heap, not for memory; its log: " + log);
    }
    Files.delete(log);
    return exit == 0;
  }

  /** Runs the step, its output in {@code log}; returns its exit code. */
  private int run(
      Contender contender,
      ScratchDatabase database,
      Path changeLogs,
      List<String> jvmOptions,
      Path log)
      throws IOException, InterruptedException {
    String jar = BenchmarkTarget.ownJar();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-Dliquibase.analytics.enabled=false");
    command.add("-cp");
    command.add(contender.changeLogOnClassPath() ? jar + ":" + changeLogs : jar);
    command.addAll(
        List.of(
            Step.class.getName(),
            contender.name(),
            database.url(),
            target.pgUser(),
            changeLogs.toString()));
    Process step =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!step.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
      step.destroyForcibly().waitFor();
      throw new IllegalStateException(contender.label() + " did not finish; its log: " + log);
    }
    return step.exitValue();
  }

  private static double megabytes(List<String> lines, String prefix, Contender contender) {
    String line =
        lines.stream()
            .filter(printed -> printed.startsWith(prefix))
            .reduce((first, last) -> last)
            .orElseThrow(
                () -> new IllegalStateException(contender.label() + " printed no " + prefix));
    return Long.parseLong(line.substring(prefix.length())) / 1e6;
  }
}
