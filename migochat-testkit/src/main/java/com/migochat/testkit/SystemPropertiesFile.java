package com.migochat.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

/**
 * A file for Payara Micro's {@code --systemproperties} option: system properties are a MicroProfile
 * Config source, so an application reads its settings from it. A file rather than {@code -D}
 * options, because a command line is visible to every user ({@code ps}) and settings hold
 * passwords; for the same reason the file is readable by its owner only.
 */
public final class SystemPropertiesFile {

  private SystemPropertiesFile() {}

  /** Writes {@code values} to {@code file}, replacing it, and returns {@code file}. */
  public static Path write(Map<String, String> values, Path file) {
    Properties properties = new Properties();
    properties.putAll(values);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (Writer writer = Files.newBufferedWriter(file)) {
        properties.store(writer, "Settings of a Payara Micro started by Migochat's tests");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the system properties file " + file, e);
    }
    return file;
  }
}
