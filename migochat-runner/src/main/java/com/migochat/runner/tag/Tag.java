package com.migochat.runner.tag;

import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.history.ChangeLogHistory;
import com.migochat.runner.liquibase.LiquibaseSession;
import java.util.Map;
import liquibase.command.core.TagCommandStep;

/** {@code tag}: tags the most recently applied changeset, so a downgrade can return to it. */
public final class Tag {

  private final LiquibaseSession session;

  public Tag(LiquibaseSession session) {
    this.session = session;
  }

  public TagResult tag(String name) {
    if (name == null || name.isBlank() || name.contains(":")) {
      throw MigrationException.because(
          MigrationError.UNKNOWN_TARGET,
          "'" + name + "' is not a usable tag",
          "give a non-empty tag without ':' and spaces");
    }
    ChangeSetRun current =
        session.jdbc(connection -> new ChangeLogHistory(connection).newestFirst()).stream()
            .findFirst()
            .orElseThrow(
                () ->
                    MigrationException.because(
                        MigrationError.UNKNOWN_TARGET,
                        "nothing has been applied, so there is nothing to tag",
                        "run upgrade first"));
    session.command(
        TagCommandStep.COMMAND_NAME, Map.of(TagCommandStep.TAG_ARG.getName(), name), null);
    return new TagResult(name, current.changeSet());
  }
}
