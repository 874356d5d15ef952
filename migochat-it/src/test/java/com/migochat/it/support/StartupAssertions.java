package com.migochat.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks on {@code /api/migrations/startup} that every server test makes, whatever the database.
 */
public final class StartupAssertions {

  private static final List<String> ENTITIES =
      List.of("LeadActivity", "LeadTag", "Message", "User", "WebhookDeadLetter");

  private StartupAssertions() {}

  /**
   * The persistence unit's first login waited for the migration: the recorded EclipseLink events
   * are pre-login, then the whole migration, then post-login, and the migration ran once.
   */
  public static void migrationRanOnceBeforeThePersistenceUnitLoggedIn(JsonObject startup) {
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
  public static void startupBeanReadEveryEntityThroughJpa(JsonObject startup) {
    assertEquals(JsonValue.NULL, startup.getOrDefault("entityProblem", JsonValue.NULL));
    assertEquals(
        ENTITIES, List.copyOf(new TreeSet<>(startup.getJsonObject("entityRowCounts").keySet())));
  }

  public static List<String> appliedIds(JsonObject startup) {
    return startup.getJsonArray("applied").getValuesAs(JsonObject.class).stream()
        .map(change -> change.getString("id"))
        .toList();
  }
}
