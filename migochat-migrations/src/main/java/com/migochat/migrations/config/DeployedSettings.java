package com.migochat.migrations.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This deployment's settings, read once, when the first adapter asks (the persistence unit's
 * pre-login, before CDI is up, or a bean), logged once without secrets, and handed to beans by CDI.
 */
@ApplicationScoped
public class DeployedSettings {

  private static final Logger LOG = Logger.getLogger(DeployedSettings.class.getName());

  private static MigochatSettings settings;

  /** The settings, read from this application's MicroProfile Config the first time. */
  public static synchronized MigochatSettings current() {
    if (settings == null) {
      settings =
          MigochatSettings.from(ConfigProvider.getConfig(DeployedSettings.class.getClassLoader()));
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
