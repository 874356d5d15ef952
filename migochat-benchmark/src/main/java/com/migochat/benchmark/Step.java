package com.migochat.benchmark;

import java.nio.file.Path;

/**
 * One measured step, in a JVM of its own: {@code Step <contender> <url> <user> <folder>}. The
 * parent times the whole process, as a deployment or a command pays it, and reads the heap the
 * migration left in use from its last line.
 */
public final class Step {

  private Step() {}

  public static void main(String[] args) throws Exception {
    Contender.valueOf(args[0]).migrate(args[1], args[2], Path.of(args[3]));
    System.out.println(HEAP + retainedHeap());
  }

  /** Prefix of the line that tells the parent the heap still in use after the migration. */
  static final String HEAP = "migochat.benchmark.retained-heap-bytes=";

  /** The heap the migration left reachable: its caches and singletons, not its garbage. */
  private static long retainedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
