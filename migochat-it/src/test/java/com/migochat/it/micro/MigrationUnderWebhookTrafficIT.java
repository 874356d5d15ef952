package com.migochat.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.it.support.Artifacts;
import com.migochat.it.support.Deployments;
import com.migochat.it.support.MicroSettings;
import com.migochat.it.support.WebhookTraffic;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.testkit.PayaraMicroProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The deployment of a new version while the current one serves Messenger traffic on the same
 * PostgreSQL, with a long reader on {@code users} (a nightly pg_dump): the new instance's changeset
 * that alters {@code users} waits behind the reader, but never longer than its lock timeout at a
 * time, so the serving instance's webhook requests, queued behind it, all succeed within the lock
 * timeout plus 1 s (once the serving instance is warm); the new instance becomes ready once the
 * reader ends.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class MigrationUnderWebhookTrafficIT {

  private static final String SECRET = "it-app-secret-0123456789";
  private static final String CHANGELOG = "db/test/blocked-changelog.xml";
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration READER_HOLDS = Duration.ofSeconds(20);
  private static final int REQUESTS_PER_SECOND = 25;
  private static final String RETRY = "gave up waiting for a lock";
  private static final Duration WARM_UP = Duration.ofSeconds(15);

  @Test
  void webhookTrafficKeepsBeingServedWhileANewInstanceMigratesBehindALongReader() throws Exception {
    Path folder = Path.of("target", "migration-under-traffic");
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      Path war = Deployments.migochatWarWith(CHANGELOG, folder.resolve("new-version"));
      try (PayaraMicroProcess serving =
          PayaraMicroProcess.start(
              settings(database).deploying(Artifacts.microWar(), folder.resolve("serving")))) {
        serving.awaitAnswer("/health/ready", true, Duration.ofMinutes(10));
        WebhookTraffic traffic =
            WebhookTraffic.start(serving.baseUrl(), SECRET, REQUESTS_PER_SECOND);
        long trafficStart = System.nanoTime();
        // The first seconds of traffic warm the serving instance up (compilation, its pool's
        // connections), at up to 4 s a post before any migration runs: not what is measured.
        Thread.sleep(WARM_UP.toMillis());
        PayaraMicroProcess deploying = null;
        try (Connection reader = database.connect();
            Statement read = reader.createStatement()) {
          read.execute("SET application_name = 'nightly pg_dump'");
          reader.setAutoCommit(false);
          read.executeQuery("SELECT count(*) FROM users").close();
          long readerStart = System.nanoTime();
          deploying =
              PayaraMicroProcess.launch(
                  settings(database)
                      .with("migochat.migrations.changelog", CHANGELOG)
                      .deploying(war, folder.resolve("new-version")));
          while (System.nanoTime() - readerStart < READER_HOLDS.toNanos()
              || deploying.log().split(RETRY, -1).length < 3) {
            assertFalse(deploying.log().contains("Schema migrated"), "migrated past the reader");
            Thread.sleep(250);
          }
          reader.commit();
          long readerEnded = System.nanoTime();
          // Counted from the process's start: on 2 busy cores a Micro boot alone took 3.5 minutes.
          long ready = deploying.awaitAnswer("/health/ready", true, Duration.ofMinutes(10));
          Thread.sleep(2000);
          List<WebhookTraffic.Answer> answers = traffic.stop();
          double seconds = (System.nanoTime() - trafficStart) / 1e9;

          assertTrue(ready > readerEnded, "ready before the reader ended");
          List<WebhookTraffic.Answer> failed =
              answers.stream().filter(answer -> answer.status() != 200).toList();
          assertEquals(List.of(), failed, "failed webhook requests");
          List<WebhookTraffic.Answer> measured =
              answers.stream().filter(answer -> answer.sentNanos() >= readerStart).toList();
          Duration slowest =
              measured.stream()
                  .map(WebhookTraffic.Answer::took)
                  .max(Duration::compareTo)
                  .orElseThrow();
          System.out.printf(
              "Webhook under a blocked migration: %d requests in %.1f s, slowest %d ms once warm;"
                  + " the reader held users from %.1f s to %.1f s; the slowest five: %s%n",
              answers.size(),
              seconds,
              slowest.toMillis(),
              (readerStart - trafficStart) / 1e9,
              (readerEnded - trafficStart) / 1e9,
              measured.stream()
                  .sorted((a, b) -> b.took().compareTo(a.took()))
                  .limit(5)
                  .map(
                      answer ->
                          String.format(
                              "%d ms sent at %.1f s",
                              answer.took().toMillis(), (answer.sentNanos() - trafficStart) / 1e9))
                  .toList());
          assertTrue(
              answers.size() >= 20 * seconds * 0.9,
              answers.size() + " requests in " + seconds + " s");
          assertTrue(
              slowest.compareTo(LOCK_TIMEOUT.plusSeconds(1)) <= 0,
              "the slowest webhook request took " + slowest.toMillis() + " ms (see the output)");
          assertTrue(usersHaveNickname(database), "the new instance's changeset is not applied");
        } finally {
          traffic.close();
          if (deploying != null) {
            deploying.close();
          }
        }
      }
    }
  }

  private static MicroSettings settings(ThrowawayDatabase database) {
    return MicroSettings.on(database)
        .with("migochat.messenger.app-secret", SECRET)
        .with("migochat.messenger.verify-token", "it-verify-token")
        .with("migochat.migrations.lock-timeout", "2s")
        // The backup before the upgrade is not what this test is about; pg_dump would be a
        // second reader of users.
        .with("migochat.backup.before-upgrade", "never");
  }

  private static boolean usersHaveNickname(ThrowawayDatabase database) throws Exception {
    try (Connection connection = database.connect();
        ResultSet columns =
            connection.getMetaData().getColumns(null, "public", "users", "nickname")) {
      return columns.next();
    }
  }
}
