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
    List<String> events = timeline(startup);
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

  /**
   * The migration ran once and was done before the persistence unit's first login went on: inside
   * the unit's pre-login where the server logs the unit in while it deploys (Payara, GlassFish), or
   * in the startup singleton where the unit logs in lazily, at its first use (Open Liberty).
   */
  public static void migrationFinishedBeforeThePersistenceUnitLoggedIn(JsonObject startup) {
    List<String> events = timeline(startup);
    List<String> inPreLogin =
        List.of(
            "persistence-pre-login",
            "migration-started",
            "migration-finished",
            "persistence-post-login",
            "entity-check-finished");
    List<String> beforeLogin =
        List.of(
            "migration-started",
            "migration-finished",
            "persistence-pre-login",
            "persistence-post-login",
            "entity-check-finished");
    assertTrue(
        events.equals(inPreLogin) || events.equals(beforeLogin), "startup timeline " + events);
    assertEquals(
        events.equals(inPreLogin) ? "persistence unit pre-login" : "startup singleton",
        startup.getString("trigger"));
    assertTrue(startup.getBoolean("schemaCurrent"));
  }

  /** The startup bean that reads every entity through JPA did so on the migrated schema. */
  public static void startupBeanReadEveryEntityThroughJpa(JsonObject startup) {
    assertEquals(JsonValue.NULL, startup.getOrDefault("entityProblem", JsonValue.NULL));
    assertEquals(
        ENTITIES, List.copyOf(new TreeSet<>(startup.getJsonObject("entityRowCounts").keySet())));
  }

  private static List<String> timeline(JsonObject startup) {
    return startup.getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
        .map(event -> event.getString("name"))
        .toList();
  }

  public static List<String> appliedIds(JsonObject startup) {
    return startup.getJsonArray("applied").getValuesAs(JsonObject.class).stream()
        .map(change -> change.getString("id"))
        .toList();
  }
}
