package com.migochat.it.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A server's log file, read from an offset: how servers that deploy by dropping a file (Liberty,
 * WildFly) say that an application started or failed.
 */
final class ServerLog {

  private final Path file;

  ServerLog(Path file) {
    this.file = file;
  }

  /** The log's length now, the offset from which to wait for what comes next. */
  long length() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /**
   * Waits until the log, after {@code offset}, has one of {@code done}; fails with the log when it
   * has one of {@code failed} first, or when {@code limit} passed.
   */
  void awaitFrom(long offset, List<String> done, List<String> failed, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      String text = since(offset);
      if (failed.stream().anyMatch(text::contains)) {
        throw new IllegalStateException("The server reported a failure in " + file + ":\n" + text);
      }
      if (done.stream().anyMatch(text::contains)) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + done, e);
      }
    }
    throw new IllegalStateException(
        "No " + done + " in " + file + " after " + limit.toSeconds() + " s:\n" + since(offset));
  }

  private String since(long offset) {
    if (!Files.exists(file)) {
      return "";
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      int from = (int) Math.min(offset, bytes.length);
      return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
