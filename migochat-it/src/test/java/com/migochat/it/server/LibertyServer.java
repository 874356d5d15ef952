package com.migochat.it.server;

import com.migochat.testkit.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An Open Liberty server of its own under {@code target/liberty}, configured by this test's {@code
 * liberty/server.xml} (the README's), on free ports. It deploys by dropping the EAR where that
 * configuration points, as an operator would, and waits for Liberty's message that the application
 * started or failed. The shared library the data source needs is taken out of the EAR under test.
 */
final class LibertyServer implements EarServer {

  private static final Duration LIMIT = Duration.ofMinutes(4);

  private final Path wlp;
  private final Path userDir;
  private final Path config;
  private final int httpPort = FreePorts.pick();
  private final ServerLog log;
  private final CommandLine commands;
  private boolean started;

  /**
   * Writes the server {@code name}, with the shared library taken out of {@code ear}, before it
   * starts: Liberty reads a library's files when it starts.
   */
  LibertyServer(Path wlp, String name, Path ear) {
    this.wlp = wlp;
    this.userDir = Path.of("target", "liberty").toAbsolutePath();
    this.config = userDir.resolve("servers").resolve(name);
    this.log = new ServerLog(config.resolve("logs").resolve("messages.log"));
    this.commands = new CommandLine(Map.of("WLP_USER_DIR", userDir.toString()));
    Folders.delete(config);
    try (InputStream serverXml = getClass().getResourceAsStream("/liberty/server.xml")) {
      Files.createDirectories(config.resolve("migochat-lib"));
      Files.copy(serverXml, config.resolve("server.xml"));
      Files.writeString(
          config.resolve("bootstrap.properties"),
          String.join(
              "\n",
              "migochat.http.port=" + httpPort,
              "migochat.https.port=" + FreePorts.pick(),
              "migochat.iiop.port=" + FreePorts.pick(),
              "migochat.jms.port=" + FreePorts.pick(),
              ""),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the Liberty server in " + config, e);
    }
    sharedLibraryFrom(ear);
  }

  @Override
  public String name() {
    return "Open Liberty 24.0.0.12";
  }

  @Override
  public void start(Map<String, String> environment) {
    started = true;
    commands.run(environment, LIMIT, wlp.resolve("bin/server").toString(), "start", serverName());
    log.awaitFrom(0, List.of("CWWKF0011I"), List.of(), LIMIT);
  }

  /** Drops the EAR into the server's apps folder, where server.xml names it, and waits. */
  @Override
  public Duration deploy(Path ear) {
    long offset = log.length();
    long begin = System.nanoTime();
    try {
      Path apps = Files.createDirectories(config.resolve("apps"));
      Path copy = apps.resolve("migochat.ear.part");
      Files.copy(ear, copy, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          copy,
          apps.resolve("migochat.ear"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot drop the EAR into " + config, e);
    }
    log.awaitFrom(
        offset,
        List.of("CWWKZ0001I: Application migochat started", "CWWKZ0003I: The application migochat"),
        List.of("CWWKZ0002E", "CWWKZ0004E", "CWWKZ0012I", "CWWKZ0106E"),
        LIMIT);
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  @Override
  public int httpPort() {
    return httpPort;
  }

  @Override
  public boolean servesReadiness() {
    return true;
  }

  /** Stops the server with {@code server stop}; when that fails, kills it by its pid file. */
  @Override
  public void close() {
    Path pidFile = userDir.resolve("servers/.pid").resolve(serverName() + ".pid");
    Optional<ProcessHandle> server = ServerProcess.fromPidFile(pidFile);
    try {
      if (started) {
        commands.run(Map.of(), LIMIT, wlp.resolve("bin/server").toString(), "stop", serverName());
      }
    } finally {
      server.ifPresent(ServerProcess::kill);
      Folders.delete(config);
    }
  }

  private String serverName() {
    return config.getFileName().toString();
  }

  /**
   * The EAR's {@code lib/postgresql.jar}, and its {@code lib/migochat-runner.jar} with its classes
   * only: Liberty also lists a common library's resources to the application, and Liquibase refuses
   * a changelog found twice. See server.xml.
   */
  private void sharedLibraryFrom(Path ear) {
    Path library = config.resolve("migochat-lib");
    try (ZipFile archive = new ZipFile(ear.toFile())) {
      try (InputStream driver = archive.getInputStream(archive.getEntry("lib/postgresql.jar"))) {
        Files.copy(driver, library.resolve("postgresql.jar"), StandardCopyOption.REPLACE_EXISTING);
      }
      try (ZipInputStream runner =
              new ZipInputStream(
                  archive.getInputStream(archive.getEntry("lib/migochat-runner.jar")));
          ZipOutputStream classes =
              new ZipOutputStream(Files.newOutputStream(library.resolve("migochat-runner.jar")))) {
        for (ZipEntry entry = runner.getNextEntry(); entry != null; entry = runner.getNextEntry()) {
          if (entry.getName().endsWith(".class")) {
            classes.putNextEntry(new ZipEntry(entry.getName()));
            runner.transferTo(classes);
            classes.closeEntry();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot take the shared library out of " + ear, e);
    }
  }
}
