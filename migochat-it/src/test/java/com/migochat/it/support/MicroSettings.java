package com.migochat.it.support;

import com.migochat.runner.testing.ThrowawayDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code migochat.*} settings a test gives a Payara Micro, written as a system-properties file
 * for its {@code --systemproperties} option (system properties are a MicroProfile Config source).
 */
public final class MicroSettings {

  private final Map<String, String> values = new LinkedHashMap<>();

  private MicroSettings() {}

  /** The database and the admin password every system test uses. */
  public static MicroSettings on(ThrowawayDatabase database) {
    MicroSettings settings = new MicroSettings();
    settings.values.put("migochat.db.url", database.url());
    settings.values.put("migochat.db.user", database.user());
    settings.values.put("migochat.admin.password", Http.ADMIN_PASSWORD);
    settings.values.put("liquibase.analytics.enabled", "false");
    // Backups before an upgrade go under target, not into the server's ./data.
    settings.values.put(
        "migochat.backup.dir", Path.of("target", "backups").toAbsolutePath().toString());
    return settings;
  }

  public MicroSettings with(String key, String value) {
    values.put(key, value);
    return this;
  }

  /** Leaves {@code key} unset, e.g. the admin password, so that the application generates one. */
  public MicroSettings without(String key) {
    values.remove(key);
    return this;
  }

  public Path writeTo(Path file) {
    Properties properties = new Properties();
    properties.putAll(values);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (Writer writer = Files.newBufferedWriter(file)) {
        properties.store(writer, "Written by a Migochat system test");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
    return file;
  }
}
