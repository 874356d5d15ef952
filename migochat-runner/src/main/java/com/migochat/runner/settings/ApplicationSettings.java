package com.migochat.runner.settings;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/** Chooses an application's setting source, and says once when MicroProfile Config is off. */
final class ApplicationSettings {

  private static final Logger LOG = Logger.getLogger(ApplicationSettings.class.getName());
  private static final AtomicBoolean TOLD = new AtomicBoolean();

  private ApplicationSettings() {}

  static SettingSource of(ClassLoader application) {
    try {
      return MicroProfileSettings.of(application);
    } catch (ReflectiveOperationException | LinkageError e) {
      if (TOLD.compareAndSet(false, true)) {
        LOG.info(
            "MicroProfile Config is off: "
                + why(e)
                + ". Migochat reads its migochat.* settings from system properties and"
                + " environment variables (MIGOCHAT_DB_URL, ...) instead.");
      }
      return new ProcessSettings();
    }
  }

  private static String why(Throwable e) {
    if (e instanceof ClassNotFoundException || e instanceof LinkageError) {
      return "this server has no MicroProfile Config API (" + e.getMessage() + " not found)";
    }
    Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
    return "this server has its API but no implementation (" + cause.getMessage() + ")";
  }
}
