package com.migochat.benchmark;

import com.migochat.runner.schema.ScratchDatabase;
import com.migochat.testkit.MicroLaunch;
import com.migochat.testkit.PayaraMicroProcess;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One run of the history load: Payara Micro with Migochat on a new PostgreSQL database, its history
 * filled to a number of rows, then each endpoint in turn under a closed-loop load as the
 * administrator. Micro is stopped and the database dropped afterwards, whatever happened.
 */
final class ConsoleUnderLoad {

  private static final String ADMIN = "admin";

  /**
   * What the endpoints did, and Micro's log.
   *
   * @param results one per endpoint, in the order loaded
   * @param log the file Payara Micro wrote its output to
   */
  record Outcome(List<EndpointLatencies> results, Path log) {}

  private final BenchmarkTarget target;
  private final PrintStream out;

  ConsoleUnderLoad(BenchmarkTarget target, PrintStream out) {
    this.target = target;
    this.out = out;
  }

  /**
   * Loads each endpoint with {@code connections} for {@code warmup} and then {@code measured}, on a
   * history of {@code rows} rows read a page of {@code pageSize} at a time.
   */
  Outcome run(
      List<Endpoint> endpoints,
      int rows,
      int pageSize,
      int connections,
      Duration warmup,
      Duration measured)
      throws InterruptedException, SQLException {
    String password = randomPassword();
    List<EndpointLatencies> results = new ArrayList<>();
    try (ScratchDatabase database = target.scratch();
        PayaraMicroProcess micro =
            PayaraMicroProcess.launch(
                MicroLaunch.of(target.micro(), target.folder())
                    .deploying(target.war())
                    .withSystemProperties(target.migochatSettings(database, password)))) {
      long ready = micro.awaitAnswer("/health/ready", true, MicroBoot.BOOT_LIMIT);
      out.printf(
          Locale.ROOT,
          "Payara Micro with Migochat ready on port %d in %.1f s%n",
          micro.port(),
          (ready - micro.startedNanos()) / 1e9);
      SeededHistory.Filled history = SeededHistory.fill(database.dataSource(), rows);
      out.printf(
          Locale.ROOT,
          "Rows in DATABASECHANGELOG: %,d (%,d from the migrations, %,d seeded)%n",
          history.total(),
          history.migrated(),
          history.total() - history.migrated());
      ClosedLoopLoad load =
          new ClosedLoopLoad(
              URI.create(micro.baseUrl()),
              basicAuthorization(password),
              connections,
              (int) Math.max(1, history.total() / pageSize),
              warmup,
              measured);
      for (Endpoint endpoint : endpoints) {
        results.add(load.run(endpoint));
      }
      return new Outcome(results, micro.logFile());
    }
  }

  private static String randomPassword() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static String basicAuthorization(String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
