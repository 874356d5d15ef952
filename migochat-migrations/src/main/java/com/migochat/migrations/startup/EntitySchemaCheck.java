package com.migochat.migrations.startup;

import com.migochat.model.EntityRowCounts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.metamodel.EntityType;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads every entity once through JPA right after the migration, so a mapping that does not match
 * the migrated schema stops the application at startup instead of failing a user's request later.
 * It is also the first startup bean that uses JPA, and it depends on {@link SchemaMigrator} the way
 * any other should.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EntitySchemaCheck {

  private static final Logger LOG = Logger.getLogger(EntitySchemaCheck.class.getName());

  @PersistenceContext(unitName = "migochat")
  private EntityManager entityManager;

  @EJB private SchemaMigrator schemaMigrator;

  private EntityCheckResult result;

  @PostConstruct
  void readEveryEntity() {
    if (!schemaMigrator.schemaCurrent()) {
      result = new EntityCheckResult(Map.of(), "not checked: the schema is not at head");
      return;
    }
    Map<String, Long> rowCounts = Map.of();
    try {
      rowCounts = EntityRowCounts.of(entityManager);
      for (EntityType<?> entity : entityManager.getMetamodel().getEntities()) {
        // Selecting whole entities reads every mapped column, which COUNT does not.
        entityManager
            .createQuery("SELECT e FROM " + entity.getName() + " e")
            .setMaxResults(1)
            .getResultList();
      }
      result = new EntityCheckResult(rowCounts, null);
      StartupTimeline.record(StartupTimeline.ENTITY_CHECK_FINISHED, rowCounts.toString());
      LOG.info("Entities match the migrated schema. Rows: " + rowCounts);
    } catch (PersistenceException e) {
      result =
          new EntityCheckResult(
              rowCounts,
              "an entity does not match the migrated schema: "
                  + e.getMessage()
                  + ". Action: add a changeset that brings the schema to the entities, or fix the"
                  + " mapping, then redeploy");
      StartupTimeline.record(StartupTimeline.ENTITY_CHECK_FINISHED, "failed");
      LOG.log(Level.SEVERE, result.problem());
      LOG.log(Level.FINE, "Entity check failure details", e);
    }
  }

  public EntityCheckResult result() {
    return result;
  }
}
