package com.migochat.cli;

import com.migochat.runner.changeset.ChangeSetRef;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "heads",
    aliases = "pending",
    mixinStandardHelpOptions = true,
    description = "List the changesets not applied yet, in the order upgrade would apply them.")
class HeadsCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Mixin ChangeLogOptions changeLogSource;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<ChangeSetRef> pending = database.runner().status().pending();
    Printer.print(
        spec.commandLine().getOut(),
        database,
        pending,
        out -> {
          if (pending.isEmpty()) {
            out.println("Nothing pending: the database is at head.");
          }
          for (ChangeSetRef changeSet : pending) {
            out.printf("%s  (%s, by %s)%n", changeSet.id(), changeSet.file(), changeSet.author());
          }
        });
    return 0;
  }
}
