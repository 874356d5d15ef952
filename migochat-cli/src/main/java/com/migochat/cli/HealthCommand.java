package com.migochat.cli;

import com.migochat.runner.status.HealthReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = {
      "Connect and report the version, pending changesets, the migration lock and row counts.",
      "Exits with 4 when changesets are pending or the lock is held."
    })
class HealthCommand implements Callable<Integer> {

  static final int UNHEALTHY = 4;

  @Mixin DatabaseOptions database;

  @Mixin ChangeLogOptions changeLogSource;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    HealthReport health = database.runner().health();
    Printer.print(
        spec.commandLine().getOut(),
        database,
        health,
        out -> {
          out.println(health.healthy() ? "Healthy." : "Unhealthy:");
          health.problems().forEach(problem -> out.println("  - " + problem));
          out.printf(
              "Version: %s%n",
              health.version().changeSet() == null
                  ? "none"
                  : health.version().changeSet().changeSet().id());
          out.printf("Pending: %d%n", health.version().pending());
          out.printf(
              "Lock:    %s%n",
              health.lock().locked()
                  ? "held by " + health.lock().lockedBy() + " since " + health.lock().since()
                  : "free");
          health.rowCounts().forEach((table, rows) -> out.printf("  %-20s %d rows%n", table, rows));
        });
    return health.healthy() ? 0 : UNHEALTHY;
  }
}
