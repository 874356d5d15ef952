package com.migochat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Prints a command's result: the record as JSON with {@code --json}, else text for people. */
final class Printer {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          // Paths print as paths (the default is a file: URI), so scripts can pass them on.
          .registerModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private Printer() {}

  static <T> void print(
      PrintWriter out, DatabaseOptions options, T result, Consumer<PrintWriter> forPeople) {
    if (options.json) {
      try {
        out.println(JSON.writeValueAsString(result));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("Cannot write the result as JSON", e);
      }
    } else {
      forPeople.accept(out);
    }
    out.flush();
  }
}
