package com.migochat.cli;

import com.migochat.runner.tag.TagResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = "Tag the current schema version, to return to it with 'downgrade tag:NAME'.")
class TagCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The tag, e.g. release-2025-06.")
  String name;

  @Override
  public Integer call() {
    TagResult result = database.runner().tag(name);
    Printer.print(
        spec.commandLine().getOut(),
        database,
        result,
        out -> out.printf("Tagged %s as %s.%n", result.changeSet().id(), result.tag()));
    return 0;
  }
}
