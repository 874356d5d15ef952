package com.migochat.benchmark;

/**
 * What one endpoint did under load in the measured window: the latency of every 200, sorted, and
 * the answers that were not 200 or never came, warmup included.
 *
 * @param endpoint the endpoint
 * @param sortedNanos each measured 200's latency, request sent to body read, ascending
 * @param seconds the measured window, from the end of the warmup until the last request finished
 * @param bytes the body bytes of the measured 200s
 * @param non200 answers other than 200, warmup included
 * @param errors requests that got no answer (I/O errors, timeouts), warmup included
 * @param firstFailure the first non-200 status and the start of its body, or the first error; null
 *     if there was neither
 */
record EndpointLatencies(
    Endpoint endpoint,
    long[] sortedNanos,
    double seconds,
    long bytes,
    long non200,
    long errors,
    String firstFailure) {

  int requests() {
    return sortedNanos.length;
  }

  double requestsPerSecond() {
    return requests() / seconds;
  }

  /** The nearest-rank percentile, in milliseconds; NaN without requests. */
  double percentileMillis(double percent) {
    return Percentile.millis(sortedNanos, percent);
  }

  double maxMillis() {
    return percentileMillis(100);
  }

  /** The mean body size in kilobytes: shows whether an answer holds one page or everything. */
  double meanKilobytes() {
    return sortedNanos.length == 0 ? Double.NaN : bytes / 1024.0 / sortedNanos.length;
  }
}
