package com.migochat.cli;

import com.migochat.runner.drift.DriftReport;
import com.migochat.runner.schema.ScratchDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    header = "Find schema changes made by hand, outside migrations, and list each one.",
    description = {
      "Compare the live schema with what its applied changesets build (in a scratch database,",
      "dropped afterwards; on PostgreSQL the user needs CREATEDB): tables, columns, types,",
      "nullability, keys, indexes and unique constraints. Pending changesets are not drift.",
      "Changes nothing. Exits with 6 when it finds drift."
    })
class DriftCommand implements Callable<Integer> {

  /** Exit code for drift found, so that a scheduled check can alert on it. */
  static final int DRIFTED = 6;

  @Mixin DatabaseOptions database;

  @Mixin ChangeLogOptions changeLogSource;

  @Option(
      names = "--changes",
      description = "Also print the Liquibase changes that would undo the drift.")
  boolean changes;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DriftReport report;
    try (ScratchDatabase scratch = database.scratch()) {
      report = database.runner().drift(scratch.dataSource());
    }
    Printer.print(
        spec.commandLine().getOut(),
        database,
        report,
        out -> {
          if (!report.drifted()) {
            out.printf(
                "No drift: the schema is what its %d applied changesets build.%n",
                report.appliedChangeSets());
            return;
          }
          out.printf(
              "Drift: %d differences between what the %d applied changesets build and the live"
                  + " database:%n",
              report.differences().size(), report.appliedChangeSets());
          report.differences().forEach(difference -> out.println("  " + difference));
          if (changes) {
            out.println("Changes that would undo it:");
            report.changes().forEach(change -> out.println(change.indent(2).stripTrailing()));
          } else {
            out.println(
                "Undo them ('migochat drift --changes' drafts the changes that do), or keep them"
                    + " by writing a changeset that makes them ('migochat new').");
          }
        });
    return report.drifted() ? DRIFTED : 0;
  }
}
