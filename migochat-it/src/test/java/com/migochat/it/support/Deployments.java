package com.migochat.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployments the system tests use: always the real built WAR, never a hand-made one. */
public final class Deployments {

  private Deployments() {}

  /** The Micro WAR exactly as {@code mvn package} built it. */
  public static WebArchive migochatWar() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, Artifacts.microWar().toFile());
  }

  /**
   * The built WAR with one more class-path resource (e.g. a test changelog), written to {@code
   * target/} under the same name so it deploys at the same context root.
   */
  public static Path migochatWarWith(String resource, Path folder) {
    WebArchive war = migochatWar().addAsResource(resource, resource);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + folder, e);
    }
    Path file = folder.resolve("migochat.war");
    war.as(ZipExporter.class).exportTo(file.toFile(), true);
    return file;
  }
}
