package com.migochat.web.security;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/** MicroProfile Config from a map, as a test sets it: strings, integers and comma lists. */
final class Settings implements Config {

  private final Map<String, String> values = new HashMap<>();

  Settings with(String key, String value) {
    values.put(key, value);
    return this;
  }

  @Override
  public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    if (type == Integer.class) {
      return Optional.of(type.cast(Integer.valueOf(value)));
    }
    return Optional.of(type.cast(value));
  }

  @Override
  public <T> Optional<List<T>> getOptionalValues(String name, Class<T> type) {
    return getOptionalValue(name, String.class)
        .map(list -> Arrays.stream(list.split(",")).map(type::cast).toList());
  }

  @Override
  public <T> T getValue(String name, Class<T> type) {
    return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
  }

  @Override
  public ConfigValue getConfigValue(String name) {
    throw new UnsupportedOperationException("not needed by the classes under test");
  }

  @Override
  public Iterable<String> getPropertyNames() {
    return values.keySet();
  }

  @Override
  public Iterable<ConfigSource> getConfigSources() {
    return List.of();
  }

  @Override
  public <T> Optional<Converter<T>> getConverter(Class<T> type) {
    return Optional.empty();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    throw new IllegalArgumentException("Cannot unwrap to " + type);
  }
}
