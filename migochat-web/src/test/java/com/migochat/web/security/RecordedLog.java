package com.migochat.web.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the security package logs while a test runs. */
final class RecordedLog extends Handler implements AutoCloseable {

  private static final Logger PACKAGE = Logger.getLogger("com.migochat.web.security");

  private final List<String> messages = new CopyOnWriteArrayList<>();

  RecordedLog() {
    PACKAGE.addHandler(this);
  }

  List<String> messages() {
    return List.copyOf(messages);
  }

  long count(String part) {
    return messages.stream().filter(message -> message.contains(part)).count();
  }

  String all() {
    return String.join("\n", messages);
  }

  @Override
  public void publish(LogRecord record) {
    messages.add(record.getMessage());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    PACKAGE.removeHandler(this);
  }
}
