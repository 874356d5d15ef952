package com.migochat.migrations.config;

import com.migochat.runner.settings.SettingSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;

/**
 * This deployment's settings, read once, when the first adapter asks (the persistence unit's
 * pre-login, before CDI is up, or a bean), logged once without secrets, and handed to beans by CDI.
 */
@ApplicationScoped
public class DeployedSettings {

  private static final Logger LOG = Logger.getLogger(DeployedSettings.class.getName());

  private static MigochatSettings settings;

  /**
   * The settings, read the first time from this application's MicroProfile Config, or from the
   * system properties and environment where the server has none.
   */
  public static synchronized MigochatSettings current() {
    if (settings == null) {
      settings = MigochatSettings.from(SettingSource.of(DeployedSettings.class.getClassLoader()));
      LOG.info("Migochat settings: " + settings);
    }
    return settings;
  }

  @Produces
  @Singleton
  MigochatSettings produce() {
    return current();
  }
}
