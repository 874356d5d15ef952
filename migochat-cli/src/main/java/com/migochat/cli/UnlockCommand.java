package com.migochat.cli;

import com.migochat.runner.lock.UnlockResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "unlock",
    mixinStandardHelpOptions = true,
    header = "Release the migration lock left by a migration that died.",
    description = {
      "Release the migration lock left by a migration that died. Refuses while its holder",
      "still runs (its PostgreSQL session is open, or its process lives on this host) or",
      "cannot be checked; --force releases it anyway."
    })
class UnlockCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Option(
      names = "--force",
      description = "Release even a lock whose holder runs or cannot be checked.")
  boolean force;

  @Override
  public Integer call() {
    UnlockResult result = database.runner().unlock(force);
    Printer.print(
        spec.commandLine().getOut(),
        database,
        result,
        out -> {
          if (!result.released()) {
            out.println("Not locked: nothing to release.");
            return;
          }
          out.printf(
              "Released the lock held by %s since %s (holder %s).%n",
              result.before().lockedBy(),
              result.before().since(),
              result.holder().name().toLowerCase(java.util.Locale.ROOT));
        });
    return 0;
  }
}
