package com.migochat.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

/**
 * Puts one endpoint under a closed-loop load: a number of connections, each a client of its own on
 * HTTP/1.1 with keep-alive and its own cookies (one admin's browser each), sends its next request
 * as soon as the previous one answered, each to a random page, for a warmup and then a measured
 * window. HTTP/1.1 is forced: the server misbehaves under the client's h2c upgrade.
 */
final class ClosedLoopLoad {

  private static final Duration REQUEST_LIMIT = Duration.ofMinutes(1);
  private static final int SNIPPET_CHARACTERS = 300;

  private final URI application;
  private final String authorization;
  private final int connections;
  private final int pages;
  private final Duration warmup;
  private final Duration measured;

  /**
   * @param application the application's root, e.g. {@code http://127.0.0.1:20123/migochat/}
   * @param authorization the {@code Authorization} header every request sends
   * @param pages how many pages there are: each request asks for one in {@code [0, pages)}
   */
  ClosedLoopLoad(
      URI application,
      String authorization,
      int connections,
      int pages,
      Duration warmup,
      Duration measured) {
    this.application = application;
    this.authorization = authorization;
    this.connections = connections;
    this.pages = pages;
    this.warmup = warmup;
    this.measured = measured;
  }

  EndpointLatencies run(Endpoint endpoint) throws InterruptedException {
    long measureFrom = System.nanoTime() + warmup.toNanos();
    long until = measureFrom + measured.toNanos();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    List<Connection> loops = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Connection loop = new Connection(endpoint, measureFrom, until, firstFailure);
      loops.add(loop);
      Thread thread = new Thread(loop, "load-" + i);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long lastFinished = loops.stream().mapToLong(loop -> loop.finished).max().orElse(until);
    long[] nanos =
        loops.stream().flatMapToLong(loop -> Arrays.stream(loop.latencies)).sorted().toArray();
    return new EndpointLatencies(
        endpoint,
        nanos,
        (lastFinished - measureFrom) / 1e9,
        loops.stream().mapToLong(loop -> loop.bytes).sum(),
        loops.stream().mapToLong(loop -> loop.non200).sum(),
        loops.stream().mapToLong(loop -> loop.errors).sum(),
        firstFailure.get());
  }

  /** One connection's loop; its counts are read once its thread has ended. */
  private final class Connection implements Runnable {

    private final Endpoint endpoint;
    private final long measureFrom;
    private final long until;
    private final AtomicReference<String> firstFailure;
    private final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private long[] latencies = new long[0];
    private long bytes;
    private long non200;
    private long errors;
    private long finished;

    Connection(
        Endpoint endpoint, long measureFrom, long until, AtomicReference<String> firstFailure) {
      this.endpoint = endpoint;
      this.measureFrom = measureFrom;
      this.until = until;
      this.firstFailure = firstFailure;
    }

    @Override
    public void run() {
      LongStream.Builder measuredLatencies = LongStream.builder();
      long sent;
      while ((sent = System.nanoTime()) < until) {
        URI uri = application.resolve(endpoint.path(ThreadLocalRandom.current().nextInt(pages)));
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .header("Authorization", authorization)
                .timeout(REQUEST_LIMIT)
                .GET()
                .build();
        try {
          HttpResponse<byte[]> response =
              client.send(request, HttpResponse.BodyHandlers.ofByteArray());
          long latency = System.nanoTime() - sent;
          if (response.statusCode() != 200) {
            non200++;
            firstFailure.compareAndSet(null, describe(uri, response));
          } else if (sent >= measureFrom) {
            measuredLatencies.add(latency);
            bytes += response.body().length;
          }
        } catch (IOException e) {
          errors++;
          firstFailure.compareAndSet(null, uri + " failed: " + e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      finished = System.nanoTime();
      latencies = measuredLatencies.build().toArray();
    }
  }

  private static String describe(URI uri, HttpResponse<byte[]> response) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    return uri
        + " answered "
        + response.statusCode()
        + ": "
        + body.substring(0, Math.min(body.length(), SNIPPET_CHARACTERS));
  }
}
