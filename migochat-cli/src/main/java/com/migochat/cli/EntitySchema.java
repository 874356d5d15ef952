package com.migochat.cli;

import com.migochat.runner.database.DatabaseUrl;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * The schema the JPA entities describe, as EclipseLink creates it: the persistence unit of
 * migochat-model, generated into an empty database with DDL generation switched on.
 */
final class EntitySchema {

  private static final String UNIT = "migochat";

  /** Kept so the logger (and its level) is not collected. */
  private static final Logger ECLIPSELINK_LOG = Logger.getLogger("org.eclipse.persistence");

  private EntitySchema() {}

  /** Creates the entities' tables, keys and indexes in {@code emptyDatabase}. */
  static void createIn(DataSource emptyDatabase, String url) {
    ECLIPSELINK_LOG.setLevel(Level.SEVERE);
    Map<String, Object> properties =
        new HashMap<>(
            Map.of(
                PersistenceUnitProperties.TRANSACTION_TYPE,
                "RESOURCE_LOCAL",
                PersistenceUnitProperties.NON_JTA_DATASOURCE,
                emptyDatabase,
                PersistenceUnitProperties.SCHEMA_GENERATION_DATABASE_ACTION,
                PersistenceUnitProperties.SCHEMA_GENERATION_CREATE_ACTION,
                PersistenceUnitProperties.DDL_GENERATION,
                PersistenceUnitProperties.CREATE_ONLY,
                PersistenceUnitProperties.SESSION_EVENT_LISTENER_CLASS,
                NoMigrationOnLogin.class.getName(),
                // Its warnings here are only about running outside a server (no JTA, no weaving).
                PersistenceUnitProperties.LOGGING_LEVEL,
                "SEVERE"));
    switch (DatabaseUrl.of(url).engine()) {
      case POSTGRESQL ->
          properties.put(
              PersistenceUnitProperties.TARGET_DATABASE, PostgresEntityPlatform.class.getName());
      case H2 ->
          properties.put(
              PersistenceUnitProperties.TARGET_DATABASE, H2EntityPlatform.class.getName());
      case OTHER -> {
        // EclipseLink detects the platform itself.
      }
    }
    Persistence.generateSchema(UNIT, properties);
  }

  /**
   * Stands in for the unit's server-side listener, which migrates on login and is not in this jar:
   * here the database must stay as the entities make it.
   */
  public static final class NoMigrationOnLogin extends SessionEventAdapter {}
}
