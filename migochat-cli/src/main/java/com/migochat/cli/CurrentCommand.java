package com.migochat.cli;

import com.migochat.runner.status.CurrentVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "current",
    mixinStandardHelpOptions = true,
    description =
        "Show the schema version: the last applied changeset, the tag, and whether it is head.")
class CurrentCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Mixin ChangeLogOptions changeLogSource;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CurrentVersion current = database.runner().current();
    Printer.print(
        spec.commandLine().getOut(),
        database,
        current,
        out -> {
          if (current.changeSet() == null) {
            out.printf("Current: none (empty database, %d pending)%n", current.pending());
            return;
          }
          out.printf(
              "Current: %s%s%n",
              current.changeSet().changeSet().id(),
              current.atHead() ? " (head)" : " (" + current.pending() + " pending)");
          out.printf("  file:    %s%n", current.changeSet().changeSet().file());
          out.printf("  applied: %s%n", current.changeSet().executedAt());
          out.printf("  tag:     %s%n", current.tag() == null ? "none" : current.tag());
        });
    return 0;
  }
}
