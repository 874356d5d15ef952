package com.migochat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules a newcomer relies on: every package says what it is for, every class is short.
 */
class SourceLayoutTest {

  private static final Path MAIN = Path.of("src", "main", "java");
  private static final long MAX_LINES = 200;

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    try (Stream<Path> folders = Files.walk(MAIN)) {
      List<Path> without =
          folders
              .filter(Files::isDirectory)
              .filter(SourceLayoutTest::holdsJava)
              .filter(folder -> !Files.exists(folder.resolve("package-info.java")))
              .toList();
      assertEquals(List.of(), without, "packages without a package-info.java");
    }
  }

  @Test
  void noClassIsLongerThan200Lines() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<String> tooLong =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .filter(file -> lines(file) > MAX_LINES)
              .map(file -> file + ": " + lines(file) + " lines")
              .toList();
      assertEquals(List.of(), tooLong, "classes over " + MAX_LINES + " lines");
    }
  }

  private static boolean holdsJava(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(file -> file.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
