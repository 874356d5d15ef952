package com.migochat.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports nothing listens on, chosen when a test runs instead of written into it, so that test
 * classes, and builds of several clones on one machine, do not take each other's ports.
 *
 * <p>A port is picked at random in {@value #FIRST} to {@value #LAST}, and only if a server socket
 * can bind it on every address. That range lies below Linux's ephemeral range (from 32768), from
 * which the kernel gives outgoing connections their local port: a port chosen there could be taken
 * by some client before the server binds it, and polling a free port inside it can connect the
 * client to itself. It also lies below 28000, where older versions of the system tests bound fixed
 * ports. Picking at random, rather than the first free port, keeps two JVMs that pick at the same
 * moment apart; within one JVM no port is handed out twice, even if whoever got it has not bound it
 * yet (several Payara Micro instances launched together).
 */
public final class FreePorts {

  static final int FIRST = 20000;
  static final int LAST = 27999;
  private static final int ATTEMPTS = 500;
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  /** One free port. */
  public static int pick() {
    return block(1);
  }

  /**
   * The first of {@code count} consecutive free ports, e.g. the port base of a Payara Server
   * domain, whose ports are the base plus fixed offsets below 100.
   */
  public static synchronized int block(int count) {
    if (count < 1 || count > (LAST - FIRST + 1) / 4) {
      throw new IllegalArgumentException(
          "Cannot pick " + count + " consecutive ports; ask for 1 to " + (LAST - FIRST + 1) / 4);
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(FIRST, LAST - count + 2);
      if (allFree(first, count)) {
        for (int port = first; port < first + count; port++) {
          HANDED_OUT.add(port);
        }
        return first;
      }
    }
    throw new IllegalStateException(
        "Found no "
            + count
            + " free consecutive ports in "
            + FIRST
            + "-"
            + LAST
            + " after "
            + ATTEMPTS
            + " tries. Stop the servers left listening there (ss -ltnp) and run the tests again.");
  }

  private static boolean allFree(int first, int count) {
    for (int port = first; port < first + count; port++) {
      if (HANDED_OUT.contains(port) || !free(port)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether nothing listens on {@code port}: binding it on the wildcard address fails if anything
   * listens there on any address, IPv4 or IPv6.
   */
  static boolean free(int port) {
    try (ServerSocket probe = new ServerSocket(port)) {
      return probe.getLocalPort() == port;
    } catch (IOException taken) {
      return false;
    }
  }
}
