package com.migochat.web.serving;

import com.migochat.migrations.runner.MigrationFailure;
import com.migochat.migrations.startup.EntityCheckResult;
import com.migochat.migrations.startup.EntitySchemaCheck;
import com.migochat.migrations.startup.SchemaMigrator;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Combines the startup migration and the entity check into one answer: serve or not, and why. */
@ApplicationScoped
public class ApplicationReadiness {

  @EJB SchemaMigrator schemaMigrator;

  @EJB EntitySchemaCheck entitySchemaCheck;

  /** Why Migochat must not serve, or empty when it may. */
  public Optional<String> reasonNotToServe() {
    Optional<MigrationFailure> migration = schemaMigrator.outcome().problem();
    if (migration.isPresent()) {
      return Optional.of(migration.get().message());
    }
    return entitySchemaCheck.result().failure();
  }

  public boolean ready() {
    return reasonNotToServe().isEmpty();
  }

  public EntityCheckResult entityCheck() {
    return entitySchemaCheck.result();
  }
}
