package com.migochat.it.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A Jakarta EE server that an EAR test starts, deploys the built {@code migochat.ear} on as the
 * application {@code migochat} (at {@code /migochat}), and stops. Each kind lives under {@code
 * target/}, on ports chosen free when the test runs; {@link #close()} stops it whatever happened
 * and deletes what it wrote.
 */
interface EarServer extends AutoCloseable {

  /** The server's name and version, as the logs and failures say it. */
  String name();

  /** Starts the server; its JVM inherits {@code environment} (the {@code MIGOCHAT_*} settings). */
  void start(Map<String, String> environment);

  /**
   * Deploys {@code ear} as {@code migochat}, replacing the one deployed, and returns how long the
   * server took until it reported the application deployed. Fails with the server's words when it
   * reports the deployment failed.
   */
  Duration deploy(Path ear);

  /** The port of the server's HTTP listener. */
  int httpPort();

  /** Whether this server serves MicroProfile Health, so that {@code /health/ready} exists. */
  boolean servesReadiness();

  /** Stops the server, started or not, and deletes its files. */
  @Override
  void close();
}
