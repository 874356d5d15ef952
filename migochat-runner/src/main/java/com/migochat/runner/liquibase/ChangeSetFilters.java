package com.migochat.runner.liquibase;

import com.migochat.runner.config.MigrationConfiguration;
import java.util.List;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.command.core.StatusCommandStep;
import liquibase.database.Database;

/**
 * The configured context and label filters ({@code migochat.migrations.contexts}, {@code .labels}),
 * built the way Liquibase's update builds them from its {@code contextFilter} and {@code
 * labelFilter}: every operation that lists the pending changesets (status, the console, lint, the
 * SQL preview, a target's step count) sees exactly the changesets an update applies.
 */
public final class ChangeSetFilters {

  private final String contexts;
  private final String labels;

  public ChangeSetFilters(MigrationConfiguration configuration) {
    this.contexts = configuration.contexts();
    this.labels = configuration.labels();
  }

  /** The arguments that make a Liquibase command (update, changelog-sync, …) filter alike. */
  public Map<String, Object> arguments() {
    return Map.of("contextFilter", contexts, "labelFilter", labels);
  }

  /** The changesets the filters select that have not run, in changelog order. */
  List<ChangeSet> unrun(DatabaseChangeLog changeLog, Database database) throws Exception {
    return new StatusCommandStep().listUnrunChangeSets(contexts(), labels(), changeLog, database);
  }

  /**
   * Parameters for parsing the changelog, with the filters set as Liquibase's update sets them, so
   * that properties limited to a context or a label read the same.
   */
  ChangeLogParameters parameters(Database database) {
    ChangeLogParameters parameters = new ChangeLogParameters(database);
    parameters.setContexts(contexts());
    parameters.setLabels(labels());
    return parameters;
  }

  private Contexts contexts() {
    return new Contexts(contexts);
  }

  private LabelExpression labels() {
    return new LabelExpression(labels);
  }
}
