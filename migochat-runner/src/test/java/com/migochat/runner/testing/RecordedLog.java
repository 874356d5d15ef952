package com.migochat.runner.testing;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What a logger logged while some work ran, for tests that check what an operator reads. */
public final class RecordedLog {

  private RecordedLog() {}

  /**
   * Runs {@code work}, adding every record {@code logger} (or a child) logs meanwhile to {@code
   * into}.
   */
  public static <T> T recordsOf(String logger, List<LogRecord> into, Callable<T> work)
      throws Exception {
    Logger recorded = Logger.getLogger(logger);
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord entry) {
            into.add(entry);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    recorded.addHandler(handler);
    try {
      return work.call();
    } finally {
      recorded.removeHandler(handler);
    }
  }

  /**
   * Runs {@code work}, adding the message of every record {@code source}'s logger logs to {@code
   * into}.
   */
  public static <T> T messagesOf(Class<?> source, List<String> into, Callable<T> work)
      throws Exception {
    List<LogRecord> records = new java.util.ArrayList<>();
    try {
      return recordsOf(source.getName(), records, work);
    } finally {
      records.forEach(entry -> into.add(entry.getMessage()));
    }
  }
}
