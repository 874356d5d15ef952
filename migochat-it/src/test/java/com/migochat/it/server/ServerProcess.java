package com.migochat.it.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A server's JVM found by the process id it wrote, to kill when stopping it nicely failed. */
final class ServerProcess {

  private ServerProcess() {}

  /** The process whose id is in {@code pidFile}, if the file exists and the process runs. */
  static Optional<ProcessHandle> fromPidFile(Path pidFile) {
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      return ProcessHandle.of(
          Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Kills {@code process} if it still runs, and waits until it is gone. */
  static void kill(ProcessHandle process) {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
    }
  }
}
