package com.migochat.cli;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.config.BackupSettings;
import com.migochat.runner.schema.SchemaComparison;
import com.migochat.runner.schema.SchemaDifferences;
import com.migochat.runner.schema.ScratchDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "autogenerate",
    mixinStandardHelpOptions = true,
    header =
        "Draft the next changeset from the differences between the JPA entities and the changelog.",
    description = {
      "Compare the JPA entities with the schema the changelog builds and, when they differ,",
      "write the changes that close the gap as the next changeset: a draft to review.",
      "EclipseLink creates the entities' schema in one scratch database, Liquibase migrates",
      "another to head; both are dropped afterwards. The configured database is not touched,",
      "but its server must let the user create databases (PostgreSQL); H2 works in memory."
    })
class AutogenerateCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Mixin ChangeLogOptions changeLogSource;

  @Mixin ChangeLogFolderOptions changes;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MESSAGE", description = "What the change does, e.g. \"add phone\".")
  String message;

  @Override
  public Integer call() {
    SchemaDifferences differences;
    try (ScratchDatabase entities = database.scratch();
        ScratchDatabase changeLog = database.scratch()) {
      EntitySchema.createIn(entities.dataSource(), database.url);
      new MigrationRunner(database.configuration(BackupSettings.none()).on(changeLog.dataSource()))
          .upgrade();
      differences =
          new SchemaComparison("the entities", "the changelog")
              .compare(entities.dataSource(), changeLog.dataSource());
    }
    ChangeSetRef created =
        differences.none()
            ? null
            : changes.scaffold().createDraft(message, changes.author, differences);
    Printer.print(
        spec.commandLine().getOut(),
        database,
        new AutogenerateResult(differences, created),
        out -> {
          if (created == null) {
            out.println("The entities and the changelog agree: nothing to generate.");
            return;
          }
          out.println("The entities differ from the changelog:");
          differences.differences().forEach(line -> out.println("  " + line));
          out.printf(
              "Wrote the draft %s to %s and included it in the master changelog.%n"
                  + "Review it, rebuild, then run 'upgrade --sql' to check.%n",
              created.id(), changes.folder.resolve("changes"));
        });
    return 0;
  }

  /** The differences found and the draft written, if any. */
  record AutogenerateResult(SchemaDifferences differences, ChangeSetRef draft) {}
}
