package com.migochat.model;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import java.util.Map;
import java.util.TreeMap;

/** Counts the rows of every entity of a persistence unit, through JPA. */
public final class EntityRowCounts {

  private EntityRowCounts() {}

  /** Rows per entity name, sorted by name. */
  public static Map<String, Long> of(EntityManager entityManager) {
    Map<String, Long> counts = new TreeMap<>();
    for (EntityType<?> entity : entityManager.getMetamodel().getEntities()) {
      String name = entity.getName();
      counts.put(
          name,
          entityManager
              .createQuery("SELECT COUNT(e) FROM " + name + " e", Long.class)
              .getSingleResult());
    }
    return counts;
  }
}
