package com.migochat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.cli.StockLiquibaseCommandLine.Run;
import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.liquibase.LiquibaseSession;
import com.migochat.runner.lock.LockState;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.SchemaAndHistory;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Liquibase 4.33's own command line, with nothing of Migochat on its class path, and Migochat on
 * one PostgreSQL database: each reads what the other did, honours the other's migration lock, and
 * Migochat's fingerprint never hides a change stock Liquibase made.
 */
class StockLiquibaseIT {

  private static final List<String> IDS = ExpectedChangeSets.IDS;
  private static final String HEAD = IDS.get(IDS.size() - 1);

  @Test
  void theStockClassPathIsLiquibaseCoreTheLibrariesItsPomDeclaresAndTheDriver() throws Exception {
    List<String> jars =
        StockLiquibaseCommandLine.classPath().stream()
            .map(jar -> jar.getFileName().toString())
            .toList();
    Path core =
        StockLiquibaseCommandLine.classPath().stream()
            .filter(jar -> jar.getFileName().toString().equals("liquibase-core-4.33.0.jar"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no liquibase-core 4.33.0 in " + jars));

    List<String> expected = new ArrayList<>(declaredLibraries(core));
    expected.add("liquibase-core-4.33.0.jar");
    expected.add(
        jars.stream().filter(jar -> jar.startsWith("postgresql-")).findFirst().orElse("driver"));

    assertEquals(expected.stream().sorted().toList(), jars.stream().sorted().toList());
  }

  @Test
  void stockLiquibaseReadsMigochatsHistoryAndMigochatSeesStockRollbacksAndUpdates()
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner migochat = database.runner();
      StockLiquibaseCommandLine liquibase = new StockLiquibaseCommandLine(database);
      migochat.upgrade();
      SchemaAndHistory atHead = read(database);

      Run history = succeeds(liquibase.run("history"));
      assertInOrder(history.output(), IDS);

      succeeds(liquibase.run("rollback-count", "--count=1"));
      assertEquals(List.of(HEAD), ids(migochat.status().pending()));
      assertEquals(List.of(HEAD), ids(migochat.upgrade().applied()));
      assertEquals(atHead, read(database));

      migochat.downgrade(new DowngradeTarget.Steps(1));
      Run status = succeeds(liquibase.run("status", "--verbose"));
      assertTrue(status.output().contains("1 changeset has not been applied"), status.output());
      assertEquals(List.of(HEAD), namedChangeSets(status.output()));

      succeeds(liquibase.run("update"));
      assertTrue(migochat.status().atHead());
      assertTrue(migochat.upgrade().nothingApplied());
      assertEquals(atHead, read(database));
    }
  }

  @Test
  void stockUpdateRefusesWhileMigochatHoldsItsLockAndStockReleaseLocksFreesIt() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner migochat = database.runner();
      StockLiquibaseCommandLine liquibase = new StockLiquibaseCommandLine(database);
      migochat.upgrade(new UpgradeTarget.Steps(IDS.size() - 1));

      new LiquibaseSession(migochat.configuration())
          .underLock(
              (connection, lockedDatabase, lock) -> {
                LockState held = migochat.lock().state();
                assertTrue(held.locked());
                Run refused =
                    liquibase.run(
                        "--changelog-lock-wait-time-in-minutes=0",
                        "--changelog-lock-poll-rate=1",
                        "update");
                assertEquals(1, refused.exitCode(), refused.output());
                assertTrue(
                    refused.output().contains("Could not acquire change log lock"),
                    refused.output());
                assertTrue(refused.output().contains(held.lockedBy()), refused.output());
                assertEquals(List.of(HEAD), ids(migochat.status().pending()));

                succeeds(liquibase.run("release-locks"));
                assertFalse(migochat.lock().state().locked());
                return null;
              });

      assertEquals(List.of(HEAD), ids(migochat.upgrade().applied()));
    }
  }

  private static Run succeeds(Run run) {
    assertEquals(0, run.exitCode(), run.output());
    return run;
  }

  private static void assertInOrder(String output, List<String> ids) {
    int from = 0;
    for (String id : ids) {
      int at = output.indexOf(id, from);
      assertTrue(at >= 0, id + " missing or out of order in:\n" + output);
      from = at + id.length();
    }
  }

  /** The changesets a {@code status --verbose} lists, as {@code file::id::author} lines. */
  private static List<String> namedChangeSets(String output) {
    return IDS.stream().filter(id -> output.contains("::" + id + "::")).toList();
  }

  private static List<String> ids(List<ChangeSetRef> changeSets) {
    return changeSets.stream().map(ChangeSetRef::id).toList();
  }

  private static SchemaAndHistory read(ThrowawayDatabase database) throws Exception {
    try (Connection connection = database.connect()) {
      return SchemaAndHistory.read(connection);
    }
  }

  /** The jars ({@code artifactId-version.jar}) that liquibase-core's own pom depends on. */
  private static List<String> declaredLibraries(Path core) throws Exception {
    List<String> jars = new ArrayList<>();
    try (JarFile jar = new JarFile(core.toFile());
        InputStream pom =
            jar.getInputStream(
                jar.getEntry("META-INF/maven/org.liquibase/liquibase-core/pom.xml"))) {
      Element project =
          DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom).getDocumentElement();
      for (Element dependency : children(child(project, "dependencies"), "dependency")) {
        String scope = text(dependency, "scope");
        if (!scope.equals("test") && !scope.equals("provided")) {
          jars.add(text(dependency, "artifactId") + "-" + text(dependency, "version") + ".jar");
        }
      }
    }
    return jars;
  }

  private static Element child(Element parent, String name) {
    return children(parent, name).get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        children.add(element);
      }
    }
    return children;
  }

  private static String text(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
  }
}
