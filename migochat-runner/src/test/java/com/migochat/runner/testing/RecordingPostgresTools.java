package com.migochat.runner.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

/**
 * A folder to use as {@code migochat.pg.bin}: pg_dump, pg_restore and psql that write their
 * arguments and their PG* environment to a log, then run the real tool from the PATH. It shows what
 * reaches the tools, which the database cannot tell.
 */
public final class RecordingPostgresTools {

  private static final List<String> TOOLS = List.of("pg_dump", "pg_restore", "psql");

  private final Path folder;
  private final Path log;

  private RecordingPostgresTools(Path folder) {
    this.folder = folder;
    this.log = folder.resolve("calls.log");
  }

  /** Writes the three scripts into {@code folder}. */
  public static RecordingPostgresTools in(Path folder) {
    RecordingPostgresTools tools = new RecordingPostgresTools(folder);
    try {
      for (String tool : TOOLS) {
        Path script = folder.resolve(tool);
        Files.writeString(
            script,
            "#!/bin/sh\n"
                + "{ echo \"call "
                + tool
                + "\"; for argument in \"$@\"; do echo \"argument $argument\"; done;"
                + " env | grep '^PG' | sed 's/^/environment /'; } >> '"
                + tools.log
                + "'\n"
                + "exec '"
                + onThePath(tool)
                + "' \"$@\"\n",
            StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the recording tools into " + folder, e);
    }
    return tools;
  }

  public Path folder() {
    return folder;
  }

  /** Every line logged so far: {@code call pg_dump}, {@code argument …}, {@code environment …}. */
  public List<String> calls() {
    try {
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + log, e);
    }
  }

  private static Path onThePath(String tool) {
    return Arrays.stream(System.getenv("PATH").split(":"))
        .map(directory -> Path.of(directory, tool))
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(tool + " is not on the PATH"));
  }
}
