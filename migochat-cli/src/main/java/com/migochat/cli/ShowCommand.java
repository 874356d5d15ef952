package com.migochat.cli;

import com.migochat.runner.changeset.ChangeSetDetails;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a changeset: file, comment, changes, status, its SQL and its rollback SQL.")
class ShowCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Mixin ChangeLogOptions changeLogSource;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CHANGESET", description = "The changeset id.")
  String id;

  @Override
  public Integer call() {
    ChangeSetDetails details = database.runner().show(id);
    Printer.print(
        spec.commandLine().getOut(),
        database,
        details,
        out -> {
          out.printf(
              "Changeset %s (author %s)%n", details.changeSet().id(), details.changeSet().author());
          out.printf("  file:    %s%n", details.changeSet().file());
          out.printf(
              "  status:  %s%n",
              details.run() == null
                  ? "pending"
                  : "applied "
                      + details.run().executedAt()
                      + " ("
                      + details.run().execType()
                      + ", deployment "
                      + details.run().deploymentId()
                      + ")");
          out.printf("  comment: %s%n", details.comment().replaceAll("\\s*\\R\\s*", " "));
          out.printf("  changes: %s%n", String.join("; ", details.changes()));
          out.printf("-- SQL%n%s%n", details.sql());
          out.printf(
              "-- Rollback SQL%n%s%n",
              details.rollbackSql() == null
                  ? "-- none: this changeset cannot be rolled back"
                  : details.rollbackSql());
        });
    return 0;
  }
}
