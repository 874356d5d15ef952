package com.migochat.cli;

import com.migochat.runner.validation.ChecksumAcceptance;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "accept-checksums",
    mixinStandardHelpOptions = true,
    header =
        "After a Liquibase upgrade, accept the checksums an older Liquibase stored, with an audit.",
    description = {
      "After a Liquibase upgrade: replace the checksums an older Liquibase stored with another",
      "algorithm, for changesets that are unchanged under that algorithm, and record each in",
      "DATABASECHANGELOG_AUDIT with who, when and why. Refuses, changing nothing, while any",
      "applied changeset was edited ('validate' lists them)."
    })
class AcceptChecksumsCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Mixin ChangeLogOptions changeLogSource;

  @Spec CommandSpec spec;

  @Option(
      names = "--reason",
      required = true,
      description = "Why, for the audit, e.g. \"Liquibase 4.21 to 4.33\".")
  String reason;

  @Override
  public Integer call() {
    ChecksumAcceptance result = database.runner().acceptChecksums(reason);
    Printer.print(
        spec.commandLine().getOut(),
        database,
        result,
        out -> {
          if (result.accepted().isEmpty()) {
            out.println("Nothing to accept: every stored checksum uses today's algorithm.");
            return;
          }
          out.printf(
              "Accepted %d checksums as %s, recorded in DATABASECHANGELOG_AUDIT:%n",
              result.accepted().size(), result.actor());
          result
              .accepted()
              .forEach(
                  checksum ->
                      out.printf(
                          "  %s  %s -> %s%n",
                          checksum.changeSet().id(), checksum.stored(), checksum.current()));
        });
    return 0;
  }
}
