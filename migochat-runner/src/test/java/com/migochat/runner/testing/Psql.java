package com.migochat.runner.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's own client, as an operator applies a script with it: {@code psql -v ON_ERROR_STOP=1
 * -f script.sql}, stopping at the first error.
 */
public final class Psql {

  private Psql() {}

  /** Runs {@code script} with psql on {@code database}; fails with psql's output if psql does. */
  public static String apply(ThrowawayDatabase database, Path script)
      throws IOException, InterruptedException {
    Process psql =
        new ProcessBuilder(
                "psql",
                "-X",
                "-v",
                "ON_ERROR_STOP=1",
                "-U",
                database.user(),
                "-f",
                script.toString(),
                database.url().substring("jdbc:".length()))
            .redirectErrorStream(true)
            .start();
    String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!psql.waitFor(2, TimeUnit.MINUTES) || psql.exitValue() != 0) {
      psql.destroyForcibly();
      throw new AssertionError("psql failed on " + script + ":\n" + output);
    }
    return output;
  }
}
