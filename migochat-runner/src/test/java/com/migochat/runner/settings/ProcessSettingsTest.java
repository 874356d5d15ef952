package com.migochat.runner.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProcessSettingsTest {

  @Test
  void anEnvironmentVariableInUpperCaseWithUnderscoresSetsADottedKey() {
    ProcessSettings settings =
        new ProcessSettings(new Properties(), Map.of("MIGOCHAT_DB_WAIT_SECONDS", "5"));

    assertEquals(Optional.of("5"), settings.value("migochat.db.wait-seconds"));
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironmentAsInMicroProfileConfig() {
    Properties properties = new Properties();
    properties.setProperty("migochat.db.user", "from-property");

    ProcessSettings settings =
        new ProcessSettings(properties, Map.of("MIGOCHAT_DB_USER", "from-environment"));

    assertEquals(Optional.of("from-property"), settings.value("migochat.db.user"));
  }

  @Test
  void anExactOrUnderscoredNameIsFoundBeforeTheUpperCaseOne() {
    ProcessSettings settings =
        new ProcessSettings(
            new Properties(), Map.of("migochat_db_url", "exact-ish", "MIGOCHAT_DB_URL", "upper"));

    assertEquals(Optional.of("exact-ish"), settings.value("migochat.db.url"));
  }

  @Test
  void aBlankValueCountsAsUnset() {
    ProcessSettings settings =
        new ProcessSettings(new Properties(), Map.of("MIGOCHAT_DB_URL", "  "));

    assertEquals(Optional.empty(), settings.value("migochat.db.url"));
  }

  @Test
  void withoutMicroProfileConfigTheApplicationReadsTheProcessSettings() {
    ClassLoader withoutMicroProfile = ProcessSettingsTest.class.getClassLoader();

    assertInstanceOf(ProcessSettings.class, SettingSource.of(withoutMicroProfile));
  }
}
