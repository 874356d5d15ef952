package com.migochat.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void aPickedPortCanBeListenedOnBelowTheEphemeralRange() throws IOException {
    int port = FreePorts.pick();

    assertTrue(port >= FreePorts.FIRST && port <= FreePorts.LAST, "picked " + port);
    assertTrue(port < 32768, "inside Linux's ephemeral range: " + port);
    try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      assertEquals(port, server.getLocalPort());
    }
  }

  @Test
  void noPortIsPickedTwiceInOneJvmEvenBeforeAnythingListensOnIt() {
    Set<Integer> picked = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      assertTrue(picked.add(FreePorts.pick()), "picked twice: " + picked);
    }
  }

  @Test
  void everyPortOfABlockCanBeListenedOn() throws IOException {
    int base = FreePorts.block(100);

    List<ServerSocket> servers = new ArrayList<>();
    try {
      for (int port = base; port < base + 100; port++) {
        servers.add(new ServerSocket(port));
      }
    } finally {
      for (ServerSocket server : servers) {
        server.close();
      }
    }
    assertEquals(100, servers.size());
  }

  @Test
  void aPortThatSomethingListensOnOnlyOnTheLoopbackIsNotFree() throws IOException {
    try (ServerSocket loopback = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      assertFalse(FreePorts.free(loopback.getLocalPort()));
    }
  }

  @Test
  void aPortThatSomethingListensOnOnlyOnIpv6sLoopbackIsNotFree() throws IOException {
    try (ServerSocket loopback = new ServerSocket(0, 50, InetAddress.getByName("::1"))) {
      assertFalse(FreePorts.free(loopback.getLocalPort()));
    }
  }
}
