package com.migochat.runner.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards a local port to PostgreSQL, so a test can make the database appear on that port only
 * when it chooses: a database that comes up after the application.
 */
public final class TcpForwarder implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  private TcpForwarder(ServerSocket server, String host, int port) {
    this.server = server;
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket client = server.accept();
                  Socket target = new Socket(host, port);
                  sockets.add(client);
                  sockets.add(target);
                  pump(client, target);
                  pump(target, client);
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "forwarder-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts forwarding {@code listenPort} on the loopback address to {@code host:port}. */
  public static TcpForwarder start(int listenPort, String host, int port) {
    return start(InetAddress.getLoopbackAddress(), listenPort, host, port);
  }

  /**
   * Starts forwarding {@code listenPort} on {@code address}, e.g. IPv6's ::1, to {@code host:port}.
   */
  public static TcpForwarder start(InetAddress address, int listenPort, String host, int port) {
    try {
      return new TcpForwarder(new ServerSocket(listenPort, 50, address), host, port);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + address + " port " + listenPort, e);
    }
  }

  /**
   * A port nothing listens on now, for {@link #start}. It lies below Linux's ephemeral range:
   * connecting again and again to a free port inside that range can connect a socket to itself.
   */
  public static int freePort() {
    for (int port = 28400; port < 28500; port++) {
      try (ServerSocket probe = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
        return probe.getLocalPort();
      } catch (IOException taken) {
        // Try the next one.
      }
    }
    throw new UncheckedIOException(new IOException("No free port in 28400-28499"));
  }

  private static void pump(Socket from, Socket to) {
    Thread copier =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException closed) {
                // One side closed; closing both ends the other copier too.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            });
    copier.setDaemon(true);
    copier.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // Already closed.
    }
    sockets.forEach(TcpForwarder::closeQuietly);
  }
}
