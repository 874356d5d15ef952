package com.migochat.runner.batch;

import com.migochat.runner.testing.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The batched update tests' table: 50,000 people with a first and a last name, either of them
 * sometimes NULL, and a full name to fill from them, as the seed's full_name fill does. A trigger
 * records the transaction that updates each row, so a test can count the transactions and prove
 * that no row was updated twice.
 */
final class People {

  static final int ROWS = 50_000;

  /** The people whose full name can be computed: those with at least one name. */
  static final String TO_DO =
      "full_name IS NULL AND (first_name IS NOT NULL OR last_name IS NOT NULL)";

  static final String FULL_NAME =
      "full_name = CASE WHEN first_name IS NULL THEN last_name WHEN last_name IS NULL THEN"
          + " first_name ELSE first_name || ' ' || last_name END";

  static final String CREATE =
      """
      <changeSet id="create-people" author="test">
        <createTable tableName="people">
          <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
          <column name="first_name" type="VARCHAR(100)"/>
          <column name="last_name" type="VARCHAR(100)"/>
          <column name="full_name" type="VARCHAR(201)"/>
        </createTable>
        <sql>INSERT INTO people (id, first_name, last_name)
          SELECT g, CASE WHEN g % 10 = 0 THEN NULL ELSE 'First' || g END,
                    CASE WHEN g % 15 = 0 THEN NULL ELSE 'Last' || g END
          FROM generate_series(1, 50000) g</sql>
        <rollback><dropTable tableName="people"/></rollback>
      </changeSet>
      """;

  private People() {}

  /**
   * A changeset filling the full names, with more parameters of the custom change as {@code
   * name=value} pairs. Parameters are {@code <param>} elements: Liquibase's XML schema allows no
   * other attributes on {@code <customChange>}.
   */
  static String backfill(String changeSetAttributes, String... parameters) {
    StringBuilder params = new StringBuilder();
    params.append(param("tableName", "people"));
    params.append(param("set", FULL_NAME));
    params.append(param("where", TO_DO));
    params.append(param("keyColumn", "id"));
    for (String parameter : parameters) {
      String[] nameAndValue = parameter.split("=", 2);
      params.append(param(nameAndValue[0], nameAndValue[1]));
    }
    return """
        <changeSet id="fill-full-name" author="test" %s>
          <customChange class="com.migochat.runner.batch.BatchedUpdate">
        %s  </customChange>
          <rollback/>
        </changeSet>
        """
        .formatted(changeSetAttributes, params);
  }

  private static String param(String name, String value) {
    return "    <param name=\"%s\" value=\"%s\"/>\n".formatted(name, value.replace("'", "&apos;"));
  }

  /** Records, for each updated row, the transaction that updated it. */
  static void recordUpdates(ThrowawayDatabase database) throws SQLException {
    execute(
        database,
        "CREATE TABLE people_updates (txid BIGINT, id BIGINT)",
        "CREATE FUNCTION record_people_updates() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " INSERT INTO people_updates SELECT txid_current(), id FROM updated; RETURN NULL;"
            + " END $$",
        "CREATE TRIGGER record_people_updates AFTER UPDATE ON people"
            + " REFERENCING NEW TABLE AS updated FOR EACH STATEMENT"
            + " EXECUTE FUNCTION record_people_updates()");
  }

  static long count(ThrowawayDatabase database, String query) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }

  /** People whose full name is not what their names give (NULL when they have none). */
  static long wrongFullNames(ThrowawayDatabase database) throws SQLException {
    return count(
        database,
        "SELECT count(*) FROM people WHERE full_name IS DISTINCT FROM CASE WHEN first_name IS NULL"
            + " THEN last_name WHEN last_name IS NULL THEN first_name"
            + " ELSE first_name || ' ' || last_name END");
  }

  static long historyRows(ThrowawayDatabase database, String id) throws SQLException {
    return count(
        database,
        "SELECT count(*) FROM databasechangelog WHERE id = '" + id + "' AND exectype = 'EXECUTED'");
  }

  static void execute(ThrowawayDatabase database, String... statements) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
