package com.migochat.runner.liquibase;

import com.migochat.runner.config.MigrationConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * The application's resources, with the master changelog's folder read from a folder on disk: a
 * developer's edited source tree instead of the copy built into the jar. A file the folder has
 * shadows the built-in one under the very same resource name ({@code db/changelog/changes/…}), so
 * Liquibase records the same file names and computes the same checksums whichever copy it reads.
 * Everything else (classes, Liquibase's own schemas, a file the folder lacks) comes from {@code
 * parent}.
 */
public final class ChangeLogFolderResources extends ClassLoader {

  private final Path folder;
  private final String prefix;

  /**
   * @param folder the folder on disk that holds the master changelog
   * @param changeLog the master changelog's resource name, e.g. {@code
   *     db/changelog/migochat-changelog.xml}: its folder part is what {@code folder} stands for
   */
  ChangeLogFolderResources(Path folder, String changeLog, ClassLoader parent) {
    super(parent);
    this.folder = folder.toAbsolutePath().normalize();
    this.prefix = changeLog.substring(0, changeLog.lastIndexOf('/') + 1);
  }

  /** The configured folder's resources, or the application's when none is configured. */
  public static ClassLoader of(MigrationConfiguration configuration) {
    ClassLoader application = ChangeLogFolderResources.class.getClassLoader();
    return configuration.changeLogFolder() == null
        ? application
        : new ChangeLogFolderResources(
            configuration.changeLogFolder(), configuration.changeLog(), application);
  }

  @Override
  public URL getResource(String name) {
    return onDisk(name).orElseGet(() -> super.getResource(name));
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    Optional<URL> file = onDisk(name);
    return file.isPresent()
        ? Collections.enumeration(List.of(file.get()))
        : super.getResources(name);
  }

  private Optional<URL> onDisk(String name) {
    if (!name.startsWith(prefix)) {
      return Optional.empty();
    }
    Path file = folder.resolve(name.substring(prefix.length())).normalize();
    if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(file.toUri().toURL());
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }
}
