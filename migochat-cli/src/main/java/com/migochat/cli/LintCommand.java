package com.migochat.cli;

import com.migochat.runner.hazard.HazardReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    header = "Check the pending changesets for lock hazards, weighed by the size of each table.",
    description = {
      "Check every pending changeset for lock hazards (an index built without CONCURRENTLY, a",
      "table rewrite, a constraint validated under an exclusive lock, …), weighed by the live",
      "size of each table it touches. Exits with 1 when a finding would stop the upgrade."
    })
class LintCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Mixin ChangeLogOptions changeLogSource;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    HazardReport report = database.runner().lint();
    Printer.print(
        spec.commandLine().getOut(), database, report, out -> HazardPrinting.print(out, report));
    return report.passed() ? 0 : ErrorReporter.FAILED;
  }
}
