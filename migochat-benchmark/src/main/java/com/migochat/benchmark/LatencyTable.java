package com.migochat.benchmark;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The history load's table: a line per endpoint, then the first failure of each, if any. */
final class LatencyTable {

  private LatencyTable() {}

  static void print(PrintStream out, List<EndpointLatencies> results) {
    String columns = "%-30s %9s %9s %8s %8s %8s %8s %9s %8s %7s%n";
    out.printf(
        columns,
        "endpoint",
        "requests",
        "req/s",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
        "mean KB",
        "non-200",
        "errors");
    for (EndpointLatencies result : results) {
      out.printf(
          Locale.ROOT,
          "%-30s %9d %9.1f %8.1f %8.1f %8.1f %8.1f %9.1f %8d %7d%n",
          result.endpoint().name(),
          result.requests(),
          result.requestsPerSecond(),
          result.percentileMillis(50),
          result.percentileMillis(90),
          result.percentileMillis(99),
          result.maxMillis(),
          result.meanKilobytes(),
          result.non200(),
          result.errors());
    }
    out.println(
        "(requests, req/s, latencies and sizes: the 200s of the measured window; non-200 and"
            + " errors: every request, warmup included)");
    for (EndpointLatencies result : results) {
      if (result.firstFailure() != null) {
        out.println("First failure, " + result.endpoint().name() + ": " + result.firstFailure());
      }
    }
  }
}
