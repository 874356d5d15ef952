package com.migochat.cli;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.hazard.HazardReport;
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
      "without a usable rollback, and the lock hazards of the pending changesets (see lint).",
      "Exits with 1 when a finding would stop a migration."
    })
class ValidateCommand implements Callable<Integer> {

  /** What {@code --json} prints: the validation's findings, then the lock hazards. */
  record Output(ValidationReport validation, HazardReport hazards) {}

  @Mixin DatabaseOptions database;

  @Mixin ChangeLogOptions changeLogSource;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    MigrationRunner runner = database.runner();
    ValidationReport report = runner.validate();
    HazardReport hazards = runner.lint();
    Printer.print(
        spec.commandLine().getOut(),
        database,
        new Output(report, hazards),
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
          HazardPrinting.print(out, hazards);
        });
    return report.passed() && hazards.passed() ? 0 : ErrorReporter.FAILED;
  }
}
