package com.migochat.runner.lock;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This process as the migration lock names it: host, address, process id and start, and the machine
 * (the kernel's boot id and this process's process-id namespace, read from {@code /proc} where it
 * exists). Read once: none of it changes while the process runs.
 *
 * @param host the host name, at most 64 characters (Linux's limit; longer names are cut)
 * @param address the host's address, without an IPv6 zone
 * @param pid the process id
 * @param started when the process started, to the second, or null where Java cannot tell
 * @param machine {@code <first 8 digits of the boot id>/<pid namespace>}, or {@link
 *     LockHolder#UNKNOWN_MACHINE} where either cannot be read
 */
public record LocalProcess(String host, String address, long pid, Instant started, String machine) {

  private static final int HOST_LENGTH = 64;
  private static final Pattern NAMESPACE = Pattern.compile("pid:\\[(\\d+)]");
  private static final LocalProcess CURRENT = read();

  public static LocalProcess current() {
    return CURRENT;
  }

  private static LocalProcess read() {
    String host;
    String address;
    try {
      InetAddress local = InetAddress.getLocalHost();
      host = local.getHostName();
      address = local.getHostAddress();
    } catch (UnknownHostException e) {
      host = "localhost";
      address = "127.0.0.1";
    }
    ProcessHandle self = ProcessHandle.current();
    return new LocalProcess(
        host.length() <= HOST_LENGTH ? host : host.substring(0, HOST_LENGTH),
        address.contains("%") ? address.substring(0, address.indexOf('%')) : address,
        self.pid(),
        self.info().startInstant().map(LocalProcess::toSeconds).orElse(null),
        readMachine());
  }

  /**
   * Java derives a start instant from the boot time, which the kernel reports to the second and
   * which may move by a second between two readings: the lock keeps seconds.
   */
  static Instant toSeconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  private static String readMachine() {
    try {
      String boot =
          Files.readString(Path.of("/proc/sys/kernel/random/boot_id"), StandardCharsets.US_ASCII)
              .strip();
      Matcher namespace =
          NAMESPACE.matcher(Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString());
      if (boot.length() < 8 || !namespace.matches()) {
        return LockHolder.UNKNOWN_MACHINE;
      }
      return boot.substring(0, 8) + "/" + namespace.group(1);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return LockHolder.UNKNOWN_MACHINE;
    }
  }
}
