package com.migochat.runner.liquibase;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.failure.MigrationException;
import java.io.OutputStream;
import java.util.Map;
import liquibase.command.CommandScope;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;

/**
 * One of Liquibase's commands (update, rollback, tag, ...) on the configured changelog, with a
 * {@link ChangeSetRecorder} that hears every changeset it runs or rolls back; a failure names the
 * changeset it failed on.
 */
final class LiquibaseCommand {

  private static final String CHANGELOG_FILE = "changelogFile";

  private final MigrationConfiguration configuration;
  private final Database database;

  LiquibaseCommand(MigrationConfiguration configuration, Database database) {
    this.configuration = configuration;
    this.database = database;
  }

  ChangeSetRecorder run(
      String[] command,
      Map<String, Object> arguments,
      OutputStream output,
      ChangeSetRecorder recorder) {
    try {
      CommandScope scope =
          new CommandScope(command)
              .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
              .addArgumentValue(CHANGELOG_FILE, configuration.changeLog())
              .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, recorder);
      arguments.forEach(scope::addArgumentValue);
      if (output != null) {
        scope.setOutput(output);
      }
      scope.execute();
      return recorder;
    } catch (Exception e) {
      ChangeSetRef failed = recorder.failed().orElse(null);
      boolean rollsBackDdl = LiquibaseSession.rollsBackDdl(database);
      if (recorder.failedRollingBack()) {
        throw MigrationException.ofRollback(e, failed, recorder.rolledBack(), rollsBackDdl);
      }
      throw failed != null && rollsBackDdl && recorder.failedOutsideTransaction()
          ? MigrationException.ofRunOutsideTransaction(e, failed)
          : MigrationException.ofRun(e, failed, rollsBackDdl);
    }
  }
}
