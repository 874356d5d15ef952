package com.migochat.cli;

import com.migochat.runner.validation.ValidationFinding;
import com.migochat.runner.validation.ValidationReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Compare the changelog with the history and report what would stop a migration.",
    description = {
      "Compare the changelog with the history: edited applied changesets, applied changesets the",
      "changelog lost, pending changesets before applied ones (two branches met), and changesets",
      "without a usable rollback. Exits with 1 when a finding would stop a migration."
    })
class ValidateCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ValidationReport report = database.runner().validate();
    Printer.print(
        spec.commandLine().getOut(),
        database,
        report,
        out -> {
          if (report.findings().isEmpty()) {
            out.println(
                "Valid: the changelog and the history agree, and every change can be rolled back.");
          }
          for (ValidationFinding finding : report.findings()) {
            out.printf(
                "%s %s: %s%n    fix: %s%n",
                finding.kind().blocking() ? "ERROR  " : "WARNING",
                finding.changeSet() == null ? "(database)" : finding.changeSet().id(),
                finding.problem(),
                finding.fix());
          }
        });
    return report.passed() ? 0 : ErrorReporter.FAILED;
  }
}
