package com.migochat.testkit;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Polls a URL of a server that is starting until it answers, which times its boot. */
final class HttpPoll {

  private static final Duration INTERVAL = Duration.ofMillis(50);
  private static final int TIMEOUT_MILLIS = 2000;

  private HttpPoll() {}

  /**
   * Returns {@link System#nanoTime()} once {@code uri} answered, with a 200 if {@code needs200};
   * fails if {@code server} exits first (naming its {@code log}) or once {@code limit} passed since
   * {@code startedNanos}.
   */
  static long until(
      URI uri, boolean needs200, long startedNanos, Duration limit, Process server, Path log)
      throws InterruptedException {
    long deadlineNanos = startedNanos + limit.toNanos();
    while (System.nanoTime() < deadlineNanos) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "Payara Micro exited while booting (exit " + server.exitValue() + "); its log: " + log);
      }
      Integer status = status(uri);
      if (status != null && (!needs200 || status == 200)) {
        return System.nanoTime();
      }
      Thread.sleep(INTERVAL.toMillis());
    }
    throw new IllegalStateException(
        "Payara Micro did not answer " + uri + " within " + limit + "; its log: " + log);
  }

  /**
   * The status of one GET on a fresh connection, or null while nothing answers. No connection is
   * kept: one that a server still starting accepted and then dropped could hang every later poll.
   */
  private static Integer status(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      connection.setRequestProperty("Connection", "close");
      try {
        return connection.getResponseCode();
      } finally {
        connection.disconnect();
      }
    } catch (IOException notYet) {
      return null;
    }
  }
}
