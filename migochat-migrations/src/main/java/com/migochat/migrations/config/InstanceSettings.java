package com.migochat.migrations.config;

import java.time.Duration;

/**
 * How this instance keeps its row in the instance registry alive.
 *
 * @param heartbeat {@code migochat.instances.heartbeat}: how often it records that it is alive
 * @param timeout {@code migochat.instances.timeout}: how long after its last heartbeat the other
 *     instances count it as gone; longer than the heartbeat, so one late heartbeat is not a death
 */
public record InstanceSettings(Duration heartbeat, Duration timeout) {

  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public InstanceSettings {
    if (heartbeat.isNegative() || heartbeat.isZero() || timeout.compareTo(heartbeat) <= 0) {
      throw new IllegalStateException(
          SettingKeys.INSTANCES_HEARTBEAT
              + " is "
              + heartbeat.toMillis()
              + " ms and "
              + SettingKeys.INSTANCES_TIMEOUT
              + " "
              + timeout.toMillis()
              + " ms: give a positive heartbeat and a longer timeout (defaults "
              + DEFAULT_HEARTBEAT.toSeconds()
              + "s and "
              + DEFAULT_TIMEOUT.toSeconds()
              + "s)");
    }
  }

  static InstanceSettings from(SettingReader read) {
    return new InstanceSettings(
        read.duration(SettingKeys.INSTANCES_HEARTBEAT, DEFAULT_HEARTBEAT),
        read.duration(SettingKeys.INSTANCES_TIMEOUT, DEFAULT_TIMEOUT));
  }

  @Override
  public String toString() {
    return "instance heartbeat every "
        + heartbeat.toMillis()
        + " ms, gone after "
        + timeout.toMillis()
        + " ms without one";
  }
}
