package com.migochat.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/** Checks on the startup report that every Micro test makes, whatever the database. */
final class StartupAssertions {

  static final List<String> CHANGESET_IDS =
      List.of(
          "20250115_0900_initial_schema",
          "20250303_1030_add_email_to_users",
          "20250412_1415_add_lead_tags",
          "20250527_1100_add_full_name_to_users");

  static final List<String> ENTITIES = List.of("LeadActivity", "LeadTag", "Message", "User");

  private StartupAssertions() {}

  /**
   * The persistence unit's first login waited for the migration: the recorded EclipseLink events
   * are pre-login, then the whole migration, then post-login, and the migration ran once.
   */
  static void migrationRanOnceBeforeThePersistenceUnitLoggedIn(JsonObject startup) {
    List<String> events =
        startup.getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
            .map(event -> event.getString("name"))
            .toList();
    assertEquals(
        List.of(
            "persistence-pre-login",
            "migration-started",
            "migration-finished",
            "persistence-post-login",
            "entity-check-finished"),
        events,
        "startup timeline");
    assertEquals("persistence unit pre-login", startup.getString("trigger"));
    assertTrue(startup.getBoolean("schemaCurrent"));
  }

  /** The startup bean that reads every entity through JPA did so on the migrated schema. */
  static void startupBeanReadEveryEntityThroughJpa(JsonObject startup) {
    assertEquals(JsonValue.NULL, startup.getOrDefault("entityProblem", JsonValue.NULL));
    assertEquals(
        ENTITIES,
        List.copyOf(new java.util.TreeSet<>(startup.getJsonObject("entityRowCounts").keySet())));
  }

  static List<String> appliedIds(JsonObject startup) {
    return startup.getJsonArray("applied").getValuesAs(JsonObject.class).stream()
        .map(change -> change.getString("id"))
        .toList();
  }
}
