package com.migochat.testkit;

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
 * when it chooses: a database that comes up after the application. Choose the port with {@link
 * FreePorts#pick()}.
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
