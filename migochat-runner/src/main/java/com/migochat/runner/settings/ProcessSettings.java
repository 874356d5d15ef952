package com.migochat.runner.settings;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The two configuration sources every MicroProfile Config has by default, read the same way without
 * it: system properties first, then environment variables, where {@code migochat.db.url} is looked
 * up as {@code migochat.db.url}, {@code migochat_db_url} and {@code MIGOCHAT_DB_URL}.
 */
public final class ProcessSettings implements SettingSource {

  private final Properties systemProperties;
  private final Map<String, String> environment;

  /** This process's system properties and environment. */
  public ProcessSettings() {
    this(System.getProperties(), System.getenv());
  }

  ProcessSettings(Properties systemProperties, Map<String, String> environment) {
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  @Override
  public Optional<String> value(String key) {
    String value = systemProperties.getProperty(key);
    if (value == null) {
      String underscored = key.replaceAll("[^A-Za-z0-9]", "_");
      value = environment.get(key);
      value = value != null ? value : environment.get(underscored);
      value = value != null ? value : environment.get(underscored.toUpperCase(Locale.ROOT));
    }
    return Optional.ofNullable(value).filter(text -> !text.isBlank());
  }
}
