package com.migochat.runner.settings;

import java.util.Optional;

/** Where the values of {@code migochat.*} keys come from. */
@FunctionalInterface
public interface SettingSource {

  /** The value of {@code key}, unless it is unset or blank. */
  Optional<String> value(String key);

  /**
   * The settings of the application whose class loader is {@code application}: its MicroProfile
   * Config when the server has one, else the system properties and the environment (see {@link
   * ProcessSettings}); the first time MicroProfile Config is missing, the log says so once.
   */
  static SettingSource of(ClassLoader application) {
    return ApplicationSettings.of(application);
  }
}
