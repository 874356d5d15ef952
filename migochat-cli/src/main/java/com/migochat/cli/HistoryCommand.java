package com.migochat.cli;

import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.history.HistoryPage;
import com.migochat.runner.history.HistoryQuery;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "List the applied changesets, newest first, one page at a time.")
class HistoryCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Option(names = "--page", defaultValue = "1", description = "Page, from 1 (default: 1).")
  int page;

  @Option(names = "--size", defaultValue = "20", description = "Rows per page (default: 20).")
  int size;

  @Override
  public Integer call() {
    HistoryPage history =
        database.runner().history(HistoryQuery.newestFirst(Math.max(page, 1) - 1, size));
    Printer.print(
        spec.commandLine().getOut(),
        database,
        history,
        out -> {
          out.printf(
              "%-5s %-45s %-9s %-27s %-12s %s%n",
              "ORDER", "CHANGESET", "EXECTYPE", "EXECUTED AT", "DEPLOYMENT", "TAG");
          for (ChangeSetRun run : history.runs()) {
            out.printf(
                "%-5d %-45s %-9s %-27s %-12s %s%n",
                run.orderExecuted(),
                run.changeSet().id(),
                run.execType(),
                run.executedAt(),
                run.deploymentId(),
                run.tag() == null ? "" : run.tag());
          }
          long pages = Math.max(1, (history.total() + size - 1) / size);
          out.printf("page %d of %d, %d applied in all%n", page, pages, history.total());
        });
    return 0;
  }
}
