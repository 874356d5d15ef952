package com.migochat.it.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signed Messenger webhook posts at a steady rate, as Facebook sends them, whatever the server's
 * answers take: each from a new lead (so each writes to {@code users}), each answer timed.
 */
public final class WebhookTraffic implements AutoCloseable {

  /**
   * One post: when it was sent ({@link System#nanoTime()}), its HTTP status (0 when it got none),
   * how long the answer took, and the answer's body or what went wrong.
   */
  public record Answer(long sentNanos, int status, Duration took, String body) {}

  private final Http http;
  private final String secret;
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService senders = Executors.newFixedThreadPool(32);
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final AtomicInteger posted = new AtomicInteger();

  private WebhookTraffic(String baseUrl, String secret) {
    this.http = new Http(baseUrl);
    this.secret = secret;
  }

  /** Posts {@code perSecond} signed bodies a second to the application at {@code baseUrl}. */
  public static WebhookTraffic start(String baseUrl, String secret, int perSecond) {
    WebhookTraffic traffic = new WebhookTraffic(baseUrl, secret);
    traffic.clock.scheduleAtFixedRate(
        () -> {
          long due = System.nanoTime();
          traffic.senders.submit(() -> traffic.post(due));
        },
        0,
        1000 / perSecond,
        TimeUnit.MILLISECONDS);
    return traffic;
  }

  /** Stops posting, waits for the answers still due, and returns every answer. */
  public List<Answer> stop() throws InterruptedException {
    clock.shutdown();
    clock.awaitTermination(10, TimeUnit.SECONDS);
    senders.shutdown();
    senders.awaitTermination(60, TimeUnit.SECONDS);
    return List.copyOf(answers);
  }

  /** A post due at {@code start}: its time counts from then, also while it waited its turn. */
  private void post(long start) {
    int number = posted.incrementAndGet();
    byte[] body =
        MessengerEvents.body(
            List.of(
                MessengerEvents.message(
                    "psid-traffic-" + number, "m_traffic_" + number, "Hello " + number, null)));
    try {
      HttpResponse<String> answer =
          http.post("webhook", body, MessengerEvents.signed(body, secret));
      answers.add(new Answer(start, answer.statusCode(), since(start), answer.body()));
    } catch (RuntimeException e) {
      answers.add(new Answer(start, 0, since(start), e.toString()));
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    clock.shutdownNow();
    senders.shutdownNow();
  }
}
