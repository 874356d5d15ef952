package com.migochat.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client that declares a body far larger than a server should read and keeps sending it as fast
 * as the server takes it, over a plain socket, so that a test sees how much the server read before
 * it answered.
 *
 * @param status the status code of the answer
 * @param sentBeforeAnswer how many body bytes had been sent when the answer came
 * @param declared the body's declared length
 */
public record OversizeUpload(int status, long sentBeforeAnswer, long declared) {

  /** POSTs {@code declared} zero bytes to {@code path} on 127.0.0.1:{@code port}. */
  public static OversizeUpload post(int port, String path, long declared) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\n"
                  + "Content-Type: application/json\r\nContent-Length: "
                  + declared
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      AtomicLong sent = new AtomicLong();
      CompletableFuture<Void> sending =
          CompletableFuture.runAsync(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                  while (sent.get() < declared) {
                    int length = (int) Math.min(chunk.length, declared - sent.get());
                    out.write(chunk, 0, length);
                    sent.addAndGet(length);
                  }
                } catch (IOException closedByServer) {
                  // The server answered and closed the connection: what it did not read is dropped.
                }
              });
      String statusLine = firstLine(socket.getInputStream());
      long sentBeforeAnswer = sent.get();
      socket.close();
      sending.get(60, TimeUnit.SECONDS);
      return new OversizeUpload(
          Integer.parseInt(statusLine.split(" ")[1]), sentBeforeAnswer, declared);
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + path + " on port " + port + " failed", e);
    } catch (Exception e) {
      throw new IllegalStateException("POST " + path + " did not finish", e);
    }
  }

  private static String firstLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int next = in.read(); next != -1 && next != '\n'; next = in.read()) {
      line.append((char) next);
    }
    if (line.isEmpty()) {
      throw new IOException("the server closed the connection without an answer");
    }
    return line.toString().strip();
  }
}
