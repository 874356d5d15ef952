package com.migochat.migrations.runner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.database.Database;
import liquibase.database.ObjectQuotingStrategy;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.datatype.DataTypeFactory;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.sqlgenerator.core.LockDatabaseChangeLogGenerator;
import liquibase.statement.DatabaseFunction;
import liquibase.statement.core.LockDatabaseChangeLogStatement;
import liquibase.statement.core.UpdateStatement;

/**
 * Takes Liquibase's migration lock as Liquibase does, but records a holder that can be checked
 * later: {@code host (address) pid 1234, postgres backend 5678}. With the process id (and, on
 * PostgreSQL, the holding session) {@code unlock} can tell a live holder from a dead one instead of
 * guessing. Registered in {@code META-INF/services/liquibase.sqlgenerator.SqlGenerator}.
 */
public class LockHolderGenerator extends LockDatabaseChangeLogGenerator {

  @Override
  public int getPriority() {
    return super.getPriority() + 1;
  }

  @Override
  public Sql[] generateSql(
      LockDatabaseChangeLogStatement statement, Database database, SqlGeneratorChain chain) {
    String catalog = database.getLiquibaseCatalogName();
    String schema = database.getLiquibaseSchemaName();
    String table = database.getDatabaseChangeLogLockTableName();
    ObjectQuotingStrategy quoting = database.getObjectQuotingStrategy();
    database.setObjectQuotingStrategy(ObjectQuotingStrategy.LEGACY);
    try {
      UpdateStatement lock = new UpdateStatement(catalog, schema, table);
      lock.addNewColumnValue("LOCKED", true);
      lock.addNewColumnValue(
          "LOCKGRANTED", new DatabaseFunction(database.getCurrentDateTimeFunction()));
      lock.addNewColumnValue("LOCKEDBY", holder(database));
      lock.setWhereClause(
          database.escapeColumnName(catalog, schema, table, "ID")
              + " = 1 AND "
              + database.escapeColumnName(catalog, schema, table, "LOCKED")
              + " = "
              + DataTypeFactory.getInstance()
                  .fromDescription("boolean", database)
                  .objectToSql(false, database));
      return SqlGeneratorFactory.getInstance().generateSql(lock, database);
    } finally {
      database.setObjectQuotingStrategy(quoting);
    }
  }

  private static String holder(Database database) {
    String holder = LockHolder.thisProcess();
    if (database instanceof PostgresDatabase
        && database.getConnection() instanceof JdbcConnection jdbc) {
      try (Statement query = jdbc.getUnderlyingConnection().createStatement();
          ResultSet backend = query.executeQuery("SELECT pg_backend_pid()")) {
        if (backend.next()) {
          holder += LockHolder.BACKEND + backend.getInt(1);
        }
      } catch (SQLException e) {
        // Without the session the holder is still named by host and process.
      }
    }
    return holder;
  }
}
