package com.migochat.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.migochat.it.support.Artifacts;
import com.migochat.it.support.Http;
import com.migochat.it.support.MicroSettings;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.testkit.PayaraMicroProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several Payara Micro instances started at the same moment on one empty PostgreSQL database: one
 * of them migrates, the others wait for its lock, and all of them serve once the schema is at head.
 * Repeated, since a race shows only sometimes: three trials here, each three Payara Micro boots at
 * once (about 90 s on 2 cores); the race this test once caught, two instances initialising the lock
 * table together, is repeated 40 times without servers by LockTableInitTest.
 */
class ConcurrentInstancesIT {

  private static final int INSTANCES = 3;
  private static final int TRIALS = 3;
  private static final String MIGRATED =
      "Schema migrated: applied " + ExpectedChangeSets.IDS.size() + " changesets";

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void instancesStartedTogetherRunEachChangeSetOnceAndAllServe() throws SQLException {
    int duplicates = 0;
    for (int trial = 1; trial <= TRIALS; trial++) {
      try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
        List<PayaraMicroProcess> instances = new ArrayList<>();
        try {
          for (int i = 0; i < INSTANCES; i++) {
            instances.add(
                PayaraMicroProcess.launch(
                    MicroSettings.on(database)
                        .deploying(
                            Artifacts.microWar(),
                            Path.of("target", "concurrent-instances", "trial-" + trial))));
          }
          instances.forEach(PayaraMicroProcess::awaitReady);

          for (PayaraMicroProcess instance : instances) {
            HttpResponse<String> ready = new Http(instance.healthUrl()).get("ready");
            assertEquals(200, ready.statusCode(), "trial " + trial + ": " + ready.body());
          }
          long migrators =
              instances.stream().filter(instance -> instance.log().contains(MIGRATED)).count();
          assertEquals(1, migrators, "trial " + trial + ": instances that migrated");
          List<String> history = historyIds(database);
          duplicates += history.size() - (int) history.stream().distinct().count();
          assertEquals(ExpectedChangeSets.IDS, history, "trial " + trial);
        } finally {
          instances.forEach(PayaraMicroProcess::close);
        }
      }
    }
    System.out.printf(
        "Concurrent start: %d trials of %d instances, %d duplicate history rows%n",
        TRIALS, INSTANCES, duplicates);
  }

  private static List<String> historyIds(ThrowawayDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT id FROM databasechangelog ORDER BY orderexecuted")) {
      List<String> ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
      return ids;
    }
  }
}
