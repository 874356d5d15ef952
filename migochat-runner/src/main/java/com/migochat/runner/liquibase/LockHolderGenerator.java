package com.migochat.runner.liquibase;

import com.migochat.runner.lock.LockHolder;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.ObjectQuotingStrategy;
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
 * later (see {@link LockHolder}): with the process and machine (and, on PostgreSQL, the holding
 * session) {@code unlock} and the next migration can tell a live holder from a dead one instead of
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
      lock.addNewColumnValue("LOCKEDBY", holder());
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

  /**
   * The holder {@link CrashSafeLockService} is acquiring the lock for; this process without a
   * session when another lock service asks (a tool that brings its own).
   */
  private static String holder() {
    String holder = Scope.getCurrentScope().get(CrashSafeLockService.HOLDER_KEY, String.class);
    return holder != null ? holder : LockHolder.thisProcess(null).recorded();
  }
}
