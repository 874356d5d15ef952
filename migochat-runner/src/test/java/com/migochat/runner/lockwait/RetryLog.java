package com.migochat.runner.lockwait;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The lines {@link LockWaitRetry} logs while a test runs. */
final class RetryLog extends Handler implements AutoCloseable {

  private final Logger logger = Logger.getLogger(LockWaitRetry.class.getName());
  private final List<String> lines = new CopyOnWriteArrayList<>();

  static RetryLog listen() {
    RetryLog log = new RetryLog();
    log.logger.addHandler(log);
    return log;
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void publish(LogRecord record) {
    lines.add(record.getMessage());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
