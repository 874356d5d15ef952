package com.migochat.web.control.serving;

import com.migochat.migrations.startup.EntityCheckResult;
import com.migochat.migrations.startup.EntitySchemaCheck;
import com.migochat.migrations.startup.SchemaMigrator;
import com.migochat.runner.failure.MigrationFailure;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Combines the startup migration and the entity check into one answer: serve or not, and why. */
@ApplicationScoped
public class ApplicationReadiness {

  @EJB SchemaMigrator schemaMigrator;

  @EJB EntitySchemaCheck entitySchemaCheck;

  /** Why Migochat must not serve, or empty when it may. */
  public Optional<NotServing> notServing() {
    Optional<MigrationFailure> migration = schemaMigrator.outcome().failure();
    if (migration.isPresent()) {
      MigrationFailure failure = migration.get();
      return Optional.of(
          new NotServing(
              failure.error().name(),
              failure.changeSet() == null ? null : failure.changeSet().id(),
              failure.message()));
    }
    return entitySchemaCheck
        .result()
        .failure()
        .map(problem -> new NotServing(NotServing.ENTITY_CHECK_FAILED, null, problem));
  }

  /** The whole reason not to serve, for logged-in operators only; empty when serving. */
  public Optional<String> reasonNotToServe() {
    return notServing().map(NotServing::details);
  }

  public boolean ready() {
    return notServing().isEmpty();
  }

  public EntityCheckResult entityCheck() {
    return entitySchemaCheck.result();
  }
}
