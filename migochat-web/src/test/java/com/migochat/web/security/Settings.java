package com.migochat.web.security;

import com.migochat.runner.settings.SettingSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings from a map, as a test sets them. */
final class Settings implements SettingSource {

  private final Map<String, String> values = new HashMap<>();

  Settings with(String key, String value) {
    values.put(key, value);
    return this;
  }

  @Override
  public Optional<String> value(String key) {
    return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
  }
}
