package com.migochat.benchmark;

import java.nio.file.Path;

/**
 * One measured step, in a JVM of its own: {@code Step <contender> <url> <user> <folder>}. The
 * parent times the whole process, as a deployment or a command pays it.
 */
public final class Step {

  private Step() {}

  public static void main(String[] args) throws Exception {
    Contender.valueOf(args[0]).migrate(args[1], args[2], Path.of(args[3]));
  }
}
