package com.migochat.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the same migrations in every contender's layout into one folder: {@code sql/V<i>__*.sql}
 * for Flyway and the floor, {@code one/changelog.xml} (one XML file) and {@code
 * per-file/changelog.xml} with one included file per changeset (Migochat's layout) for Liquibase.
 * Each migration creates one small table; the data migration is Migochat's full_name change.
 */
final class SyntheticChangeLogs {

  static final String ONE_FILE = "one/changelog.xml";
  static final String PER_FILE = "per-file/changelog.xml";

  private static final String HEADER =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog
          xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                              http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
      """;
  private static final String FOOTER = "</databaseChangeLog>\n";
  private static final String FULL_NAME_SQL =
      "ALTER TABLE people ADD COLUMN full_name VARCHAR(201);\n"
          + "UPDATE people SET full_name = CASE WHEN first_name IS NULL THEN last_name"
          + " WHEN last_name IS NULL THEN first_name ELSE first_name || ' ' || last_name END;\n";

  private SyntheticChangeLogs() {}

  /** N changesets, each creating table {@code bench_<i>}. */
  static Path tables(Path folder, int count) {
    StringBuilder one = new StringBuilder(HEADER);
    StringBuilder master = new StringBuilder(HEADER);
    for (int i = 1; i <= count; i++) {
      String table = "bench_" + i;
      write(
          folder.resolve("sql/V" + i + "__create_" + table + ".sql"),
          "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, name VARCHAR(100));\n");
      String changeSet =
          """
            <changeSet id="%1$s" author="benchmark">
              <createTable tableName="%1$s">
                <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
                <column name="name" type="VARCHAR(100)"/>
              </createTable>
            </changeSet>
          """
              .formatted(table);
      one.append(changeSet);
      write(
          folder.resolve("per-file/changes/" + table + ".xml"),
          HEADER.replace(
                  "dbchangelog-latest.xsd\">",
                  "dbchangelog-latest.xsd\"\n    logicalFilePath=\"bench/" + table + ".xml\">")
              + changeSet
              + FOOTER);
      master.append(
          "  <include file=\"changes/" + table + ".xml\" relativeToChangelogFile=\"true\"/>\n");
    }
    write(folder.resolve(ONE_FILE), one + FOOTER);
    write(folder.resolve(PER_FILE), master + FOOTER);
    return folder;
  }

  /** The full_name data migration on table {@code people}, in every layout. */
  static Path fullName(Path folder) {
    write(folder.resolve("sql/V1__full_name.sql"), FULL_NAME_SQL);
    String changeSet =
        """
          <changeSet id="full_name" author="benchmark">
            <addColumn tableName="people">
              <column name="full_name" type="VARCHAR(201)"/>
            </addColumn>
            <update tableName="people">
              <column name="full_name"
                      valueComputed="CASE WHEN first_name IS NULL THEN last_name WHEN last_name IS NULL THEN first_name ELSE first_name || ' ' || last_name END"/>
            </update>
          </changeSet>
        """;
    return inBothLiquibaseLayouts(folder, "full_name", changeSet);
  }

  /** One column added to table {@code people}: the DDL a long reader of that table blocks. */
  static Path addColumn(Path folder) {
    write(
        folder.resolve("sql/V1__add_nickname.sql"),
        "ALTER TABLE people ADD COLUMN nickname VARCHAR(50);\n");
    String changeSet =
        """
          <changeSet id="add_nickname" author="benchmark">
            <addColumn tableName="people">
              <column name="nickname" type="VARCHAR(50)"/>
            </addColumn>
          </changeSet>
        """;
    return inBothLiquibaseLayouts(folder, "add_nickname", changeSet);
  }

  /** One changeset as one XML file and as a master including it from {@code changes/<name>.xml}. */
  private static Path inBothLiquibaseLayouts(Path folder, String name, String changeSet) {
    write(folder.resolve(ONE_FILE), HEADER + changeSet + FOOTER);
    write(folder.resolve("per-file/changes/" + name + ".xml"), HEADER + changeSet + FOOTER);
    write(
        folder.resolve(PER_FILE),
        HEADER
            + "  <include file=\"changes/"
            + name
            + ".xml\" relativeToChangelogFile=\"true\"/>\n"
            + FOOTER);
    return folder;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
