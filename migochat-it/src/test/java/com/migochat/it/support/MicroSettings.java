package com.migochat.it.support;

import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.testkit.MicroLaunch;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code migochat.*} settings a test gives a Payara Micro, which reads them from a
 * system-properties file (system properties are a MicroProfile Config source).
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

  /** The settings, e.g. for the system-properties file of Arquillian's Payara Micro. */
  public Map<String, String> values() {
    return Map.copyOf(values);
  }

  /**
   * The built Payara Micro deploying {@code war} with these settings, its log, settings file and
   * temporary files in {@code folder}.
   */
  public MicroLaunch deploying(Path war, Path folder) {
    return MicroLaunch.of(Artifacts.payaraMicroJar(), folder)
        .deploying(war)
        .withSystemProperties(values);
  }
}
