package com.migochat.runner.instance;

import java.time.Duration;
import java.time.Instant;

/**
 * A registered instance as the registry reads it now; ages are measured on the database's clock, so
 * instances on hosts whose clocks differ are judged alike.
 *
 * @param instance what it registered
 * @param started when it registered
 * @param heartbeat its last heartbeat
 * @param heartbeatAge how long ago that was
 * @param progress its migration's progress ("changeset 3 of 7: ..."), or its last migration's
 *     outcome; empty when it has not migrated
 */
public record InstanceState(
    InstanceRecord instance,
    Instant started,
    Instant heartbeat,
    Duration heartbeatAge,
    String progress) {

  /** Whether it sent a heartbeat within its timeout. */
  public boolean alive() {
    return heartbeatAge.compareTo(instance.timeout()) < 0;
  }

  /** "alive" or "gone", as the console and REST show it. */
  public String liveness() {
    return alive() ? "alive" : "gone";
  }

  /** Its release and host, as refusals and logs name it. */
  public String describe() {
    return "release "
        + instance.release()
        + " on "
        + instance.host()
        + " (pid "
        + instance.pid()
        + ", instance "
        + instance.id()
        + ", last heartbeat "
        + heartbeatAge.toSeconds()
        + " s ago)";
  }
}
