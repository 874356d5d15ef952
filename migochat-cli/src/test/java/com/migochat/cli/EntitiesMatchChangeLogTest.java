package com.migochat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.schema.SchemaComparison;
import com.migochat.runner.schema.SchemaDifferences;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The entities and the changelog describe the same schema: what EclipseLink creates from the
 * entities is what the changelog builds, table by table, column by column, key by key. A change to
 * an entity without a changeset (or the reverse) fails here, with the differences listed.
 */
class EntitiesMatchChangeLogTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theEntitiesDescribeTheSchemaTheChangeLogBuilds(Engine engine) {
    try (ThrowawayDatabase entities = ThrowawayDatabase.create(engine);
        ThrowawayDatabase changeLog = ThrowawayDatabase.create(engine)) {
      EntitySchema.createIn(entities.dataSource(), entities.url());
      new MigrationRunner(MigrationConfiguration.configure(changeLog.login()).load()).upgrade();

      SchemaDifferences differences =
          new SchemaComparison("the entities", "the changelog")
              .compare(entities.dataSource(), changeLog.dataSource());

      assertEquals(
          List.of(),
          differences.differences(),
          "run 'migochat autogenerate' to draft the changeset that closes the gap");
    }
  }
}
