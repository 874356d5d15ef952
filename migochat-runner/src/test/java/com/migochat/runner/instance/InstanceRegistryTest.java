package com.migochat.runner.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.MigrationProgress;
import com.migochat.runner.testing.GeneratedChangeLogs;
import com.migochat.runner.testing.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The registry on real databases: what an instance records, and when it counts as gone. One
 * PostgreSQL database for the class, emptied before each case.
 */
class InstanceRegistryTest {

  private static ThrowawayDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = ThrowawayDatabase.postgres();
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @BeforeEach
  void noRegistryYet() throws Exception {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "DROP TABLE IF EXISTS databasechangelog_instance, first, third, databasechangelog,"
              + " databasechangeloglock, databasechangelog_fingerprint");
    }
  }

  private static final MappedSchema MAPPING =
      MappedSchema.of(Map.of("USERS", List.of("ID", "Email"), "messages", List.of("id")));

  @Test
  void aRegisteredInstanceIsLiveWithItsReleaseHostAndMapping() {
    InstanceRegistry registry = new InstanceRegistry(database.dataSource());
    InstanceRecord instance = instance("1.4.0", Duration.ofSeconds(60));

    registry.register(instance);

    InstanceState state = registry.live().get(0);
    assertEquals(instance, state.instance());
    assertEquals("messages(id);users(email,id)", state.instance().mapping().toString());
    assertTrue(state.instance().mapping().maps("public.users", "EMAIL"));
    assertTrue(state.heartbeatAge().toSeconds() < 5, state.toString());
    assertEquals("alive", state.liveness());
  }

  @Test
  void anInstanceWithoutHeartbeatPastItsTimeoutIsGoneUntilItsNextHeartbeat() throws Exception {
    InstanceRegistry registry = new InstanceRegistry(database.dataSource());
    InstanceRecord instance = instance("1.4.0", Duration.ofSeconds(1));
    registry.register(instance);

    Thread.sleep(1_300);
    InstanceState silent = registry.all().get(0);
    registry.heartbeat(instance);
    InstanceState beating = registry.all().get(0);

    assertEquals("gone", silent.liveness(), silent.toString());
    assertEquals(List.of(), registry.live().stream().filter(s -> !s.alive()).toList());
    assertTrue(beating.alive(), beating.toString());
    assertTrue(beating.heartbeat().isAfter(silent.heartbeat()));
    assertEquals(silent.started(), beating.started());
  }

  @Test
  void aDeregisteredInstanceIsNoLongerListedAndAHeartbeatRegistersAMissingRowAgain() {
    InstanceRegistry registry = new InstanceRegistry(database.dataSource());
    InstanceRecord stopping = instance("1.4.0", Duration.ofSeconds(60));
    InstanceRecord staying = instance("1.5.0", Duration.ofSeconds(60));
    registry.register(stopping);
    registry.register(staying);

    registry.deregister(stopping.id());
    List<InstanceState> left = registry.all();
    registry.deregister(staying.id());
    registry.heartbeat(staying);

    assertEquals(List.of(staying), left.stream().map(InstanceState::instance).toList());
    assertEquals(List.of(staying), registry.live().stream().map(InstanceState::instance).toList());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void instancesCreatingTheTableTogetherAllRegister() throws Exception {
    int instances = 2;
    ExecutorService threads = Executors.newFixedThreadPool(instances);
    InstanceRegistry registry = new InstanceRegistry(database.dataSource());
    try {
      for (int round = 1; round <= 20; round++) {
        try (Connection connection = database.connect();
            Statement statement = connection.createStatement()) {
          statement.execute("DROP TABLE IF EXISTS databasechangelog_instance");
        }
        CyclicBarrier start = new CyclicBarrier(instances);
        List<Future<InstanceRecord>> registered = new ArrayList<>();
        for (int instance = 0; instance < instances; instance++) {
          registered.add(
              threads.submit(
                  () -> {
                    InstanceRecord record = instance("1.4.0", Duration.ofSeconds(60));
                    start.await();
                    registry.register(record);
                    return record;
                  }));
        }
        Set<String> ids = new HashSet<>();
        for (Future<InstanceRecord> instance : registered) {
          ids.add(instance.get(1, TimeUnit.MINUTES).id());
        }
        assertEquals(
            ids,
            new HashSet<>(registry.live().stream().map(state -> state.instance().id()).toList()),
            "round " + round);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void onH2TheRegistryWorksAlike() throws Exception {
    try (ThrowawayDatabase h2 = ThrowawayDatabase.h2()) {
      InstanceRegistry registry = new InstanceRegistry(h2.dataSource());
      InstanceRecord instance = instance("1.4.0", Duration.ofSeconds(60));

      registry.register(instance);
      registry.heartbeat(instance);
      registry.progress(instance.id(), "changeset 1 of 2: x");

      InstanceState state = registry.live().get(0);
      assertEquals(instance, state.instance());
      assertEquals("changeset 1 of 2: x", state.progress());
      registry.deregister(instance.id());
      assertEquals(List.of(), registry.all());
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void whileAnInstanceMigratesOthersReadWhichChangeSetOfHowManyRuns() throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      InstanceRegistry registry = new InstanceRegistry(database.dataSource());
      InstanceRecord instance = instance("1.4.0", Duration.ofSeconds(60));
      registry.register(instance);
      String changeLog =
          files.write(
              "changelog.xml",
              GeneratedChangeLogs.xml(
                  GeneratedChangeLogs.createTable("first")
                      + "<changeSet id='slow' author='test'><sql>SELECT pg_sleep(2)</sql></changeSet>"
                      + GeneratedChangeLogs.createTable("third")));
      MigrationRunner runner =
          new MigrationRunner(
              database
                  .configure()
                  .changeLog(changeLog)
                  .progress(new RegistryProgress(registry, instance.id(), MigrationProgress.SILENT))
                  .load());
      ExecutorService migrating = Executors.newSingleThreadExecutor();
      try {
        Future<?> upgrade = migrating.submit(() -> runner.upgrade());
        String seen = "";
        while (!seen.startsWith("changeset 2 of 3") && !upgrade.isDone()) {
          seen = new InstanceRegistry(database.dataSource()).all().get(0).progress();
          Thread.sleep(50);
        }
        upgrade.get(1, TimeUnit.MINUTES);
        assertTrue(seen.startsWith("changeset 2 of 3: "), seen);
        assertTrue(seen.contains("::slow::test"), seen);
        assertTrue(registry.all().get(0).progress().startsWith("changeset 3 of 3: "));
      } finally {
        migrating.shutdownNow();
      }
    }
  }

  @Test
  void theHeadOfAChangeLogIsItsLastChangeSet() {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      String changeLog =
          files.write(
              "changelog.xml",
              GeneratedChangeLogs.xml(
                  GeneratedChangeLogs.createTable("a") + GeneratedChangeLogs.createTable("b")));
      assertEquals(changeLog + "::b::test", ChangeLogHead.of(changeLog));
      assertFalse(MappedSchema.parse(MAPPING.toString()).maps("users", "name"));
      assertEquals(MAPPING, MappedSchema.parse(MAPPING.toString()));
    }
  }

  private static InstanceRecord instance(String version, Duration timeout) {
    return InstanceRecord.ofThisProcess(new Release(version, "head.xml::x::me"), timeout, MAPPING);
  }
}
