package com.migochat.migrations.startup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered record of this deployment's start: when the migration ran and when the persistence
 * unit logged in. It proves the ordering (tests and the admin page read it) instead of trusting log
 * timestamps.
 *
 * <p>Static because its writers are not all container-managed: EclipseLink instantiates the session
 * listener itself. Each deployment has its own class loader, hence its own timeline.
 */
public final class StartupTimeline {

  public static final String MIGRATION_STARTED = "migration-started";
  public static final String MIGRATION_FINISHED = "migration-finished";
  public static final String MIGRATION_FAILED = "migration-failed";
  public static final String PERSISTENCE_PRE_LOGIN = "persistence-pre-login";
  public static final String PERSISTENCE_POST_LOGIN = "persistence-post-login";
  public static final String ENTITY_CHECK_FINISHED = "entity-check-finished";

  private static final List<StartupEvent> EVENTS = new ArrayList<>();

  private StartupTimeline() {}

  static synchronized void record(String name, String detail) {
    EVENTS.add(new StartupEvent(EVENTS.size() + 1, name, Instant.now(), detail));
  }

  /** Every event so far, oldest first. */
  public static synchronized List<StartupEvent> events() {
    return List.copyOf(EVENTS);
  }
}
