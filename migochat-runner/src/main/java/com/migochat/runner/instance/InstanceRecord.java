package com.migochat.runner.instance;

import com.migochat.runner.lock.LocalProcess;
import java.time.Duration;
import java.util.UUID;

/**
 * What an instance registers about itself.
 *
 * @param id a new random id per start, so a restarted process is a new instance
 * @param release the version and changelog head it was built with
 * @param host the host it runs on
 * @param pid its process id
 * @param timeout how long after its last heartbeat it counts as gone ({@code
 *     migochat.instances.timeout}); stored with it, so that every reader judges it alike
 * @param mapping what its persistence unit maps
 */
public record InstanceRecord(
    String id, Release release, String host, long pid, Duration timeout, MappedSchema mapping) {

  public InstanceRecord {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "migochat.instances.timeout is " + timeout + ": give a positive duration, e.g. 60s");
    }
  }

  /** This process, as a new instance of {@code release}. */
  public static InstanceRecord ofThisProcess(
      Release release, Duration timeout, MappedSchema mapping) {
    LocalProcess process = LocalProcess.current();
    return new InstanceRecord(
        UUID.randomUUID().toString(), release, process.host(), process.pid(), timeout, mapping);
  }

  /** The same instance, now mapping {@code newMapping}. */
  public InstanceRecord mapping(MappedSchema newMapping) {
    return new InstanceRecord(id, release, host, pid, timeout, newMapping);
  }
}
