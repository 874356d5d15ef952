package com.migochat.runner.lock;

import com.migochat.runner.liquibase.LockHolderGenerator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds the migration lock, as {@link LockHolderGenerator} records it in {@code LOCKEDBY}:
 *
 * <pre>
 * host (10.0.0.5) pid 4242 started 2026-11-29T08:53:01Z machine 326a3859/4026531836,
 *   postgres backend 5678 started 2026-11-29T08:53:02.456789Z
 * </pre>
 *
 * (one line). The process is named by its host, address, id and start, and by the machine it runs
 * on: the first 8 digits of the kernel's boot id and the process-id namespace, so that a container
 * sharing a host name and process ids with another is not taken for it. The PostgreSQL session is
 * named by its backend process id and start. Stock Liquibase's {@code host (address)} and the
 * shorter formats of earlier Migochat versions still parse, with the fields they lack left null.
 * Every field fits: the whole line stays under the column's 255 characters.
 *
 * @param host the holder's host name
 * @param address its address, or null
 * @param pid its process id, or null when a tool that does not record it took the lock
 * @param started when that process started, to the second, or null
 * @param machine boot id and process-id namespace of the machine it runs on, or null
 * @param backend its PostgreSQL session's backend process id, or null
 * @param backendStarted when that session started, as {@link PostgresSession} writes it, or null
 */
public record LockHolder(
    String host,
    String address,
    Long pid,
    Instant started,
    String machine,
    Integer backend,
    String backendStarted) {

  /** What the lock records when the machine's boot id or namespace cannot be read. */
  static final String UNKNOWN_MACHINE = "unknown";

  private static final Pattern RECORDED =
      Pattern.compile(
          "(?<host>\\S+)(?: \\((?<address>[^)]*)\\))?.*? pid (?<pid>\\d+)"
              + "(?: started (?<started>\\S+) machine (?<machine>\\S+))?"
              + "(?:, postgres backend (?<backend>\\d+)(?: started (?<backendStarted>\\S+))?)?");
  private static final Pattern STOCK =
      Pattern.compile("(?<host>\\S+)(?: \\((?<address>[^)]*)\\))?.*");

  /** Whether the holder runs, as far as can be told. */
  public enum Liveness {
    ALIVE,
    DEAD,
    UNKNOWN
  }

  /** This process, with {@code session} when it holds the lock through one, else null. */
  public static LockHolder thisProcess(PostgresSession session) {
    LocalProcess local = LocalProcess.current();
    return new LockHolder(
        local.host(),
        local.address(),
        local.pid(),
        local.started(),
        local.machine(),
        session == null ? null : session.backend(),
        session == null ? null : session.started());
  }

  static LockHolder parse(String lockedBy) {
    if (lockedBy == null) {
      return new LockHolder(null, null, null, null, null, null, null);
    }
    Matcher recorded = RECORDED.matcher(lockedBy);
    if (recorded.matches()) {
      return new LockHolder(
          recorded.group("host"),
          recorded.group("address"),
          Long.valueOf(recorded.group("pid")),
          instant(recorded.group("started")),
          recorded.group("machine"),
          recorded.group("backend") == null ? null : Integer.valueOf(recorded.group("backend")),
          recorded.group("backendStarted"));
    }
    Matcher stock = STOCK.matcher(lockedBy);
    stock.matches();
    return new LockHolder(
        stock.group("host"), stock.group("address"), null, null, null, null, null);
  }

  /** The line recorded in {@code LOCKEDBY}. */
  public String recorded() {
    String line =
        host
            + " ("
            + address
            + ") pid "
            + pid
            + " started "
            + (started == null ? "unknown" : started)
            + " machine "
            + machine;
    return backend == null
        ? line
        : line + ", postgres backend " + backend + " started " + backendStarted;
  }

  /** Whether this holder runs on the machine, and in the process namespace, of {@code other}. */
  boolean sameMachineAs(LockHolder other) {
    return machine != null
        && !UNKNOWN_MACHINE.equals(machine)
        && machine.equals(other.machine)
        && host != null
        && host.equals(other.host)
        && address != null
        && address.equals(other.address);
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
