/**
 * The migration benchmark, a measuring tool that is never shipped: {@link
 * com.migochat.benchmark.Benchmark} runs one class per measurement (the cold apply and no-op check
 * of N changesets, the capped heap, the full_name data migration, the Payara Micro boot) and prints
 * their tables; {@link com.migochat.benchmark.HistoryLoad} puts the console's history under load.
 * Each migration step runs in a JVM of its own; Payara Micro is started with migochat-testkit's
 * launcher.
 */
package com.migochat.benchmark;
