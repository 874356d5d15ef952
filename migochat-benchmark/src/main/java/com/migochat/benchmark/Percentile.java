package com.migochat.benchmark;

/** Percentiles of measured latencies, as both latency tables print them. */
final class Percentile {

  private Percentile() {}

  /** The nearest-rank percentile of {@code sortedNanos}, in milliseconds; NaN when empty. */
  static double millis(long[] sortedNanos, double percent) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
    return sortedNanos[Math.max(0, rank - 1)] / 1e6;
  }
}
