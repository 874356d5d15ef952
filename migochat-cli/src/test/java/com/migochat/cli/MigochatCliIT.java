package com.migochat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The built executable jar, run as an operator would, against real databases. */
class MigochatCliIT {

  private static final List<String> COMMANDS =
      List.of(
          "current",
          "history",
          "heads",
          "show",
          "upgrade",
          "downgrade",
          "tag",
          "validate",
          "drift",
          "lint",
          "accept-checksums",
          "health",
          "unlock",
          "backup",
          "restore",
          "baseline",
          "new",
          "autogenerate",
          "hash-password");

  private static final String FULL_NAME = ExpectedChangeSets.FULL_NAME;
  private static final String HEAD = ExpectedChangeSets.IDS.get(ExpectedChangeSets.IDS.size() - 1);

  /** How many changesets the shipped changelog has. */
  private static final int CHANGESETS = ExpectedChangeSets.IDS.size();

  /** How many of them follow full_name. */
  private static final int AFTER_FULL_NAME =
      CHANGESETS - 1 - ExpectedChangeSets.IDS.indexOf(FULL_NAME);

  /**
   * What one run of the jar printed and returned; the line saying which changelog it read is taken
   * out of stderr into {@code changeLog}.
   */
  record Run(int exitCode, String out, String err, String changeLog) {

    static Run of(int exitCode, String out, String stderr) {
      String prefix = "Changelog: ";
      return new Run(
          exitCode,
          out,
          stderr
              .lines()
              .filter(line -> !line.startsWith(prefix))
              .map(line -> line + System.lineSeparator())
              .collect(Collectors.joining()),
          stderr.lines().filter(line -> line.startsWith(prefix)).findFirst().orElse(""));
    }
  }

  private static Run migochat(ThrowawayDatabase database, String... arguments)
      throws IOException, InterruptedException {
    return migochat(Map.of(), database, arguments);
  }

  private static Run migochat(
      Map<String, String> environment, ThrowawayDatabase database, String... arguments)
      throws IOException, InterruptedException {
    return migochat(
        List.of("-jar", System.getProperty("migochat.cli.jar")),
        environment,
        null,
        database,
        arguments);
  }

  /** The jar run in {@code directory}, with {@code environment}. */
  private static Run migochatIn(
      Path directory,
      Map<String, String> environment,
      ThrowawayDatabase database,
      String... arguments)
      throws IOException, InterruptedException {
    return migochat(
        List.of("-jar", System.getProperty("migochat.cli.jar")),
        environment,
        directory,
        database,
        arguments);
  }

  /** The jar with this module's test resources (test changelogs) on the class path too. */
  private static Run migochatWithTestChangeLogs(ThrowawayDatabase database, String... arguments)
      throws IOException, InterruptedException {
    String classPath =
        System.getProperty("migochat.cli.jar")
            + File.pathSeparator
            + Path.of("target", "test-classes");
    return migochat(
        List.of("-cp", classPath, MigochatCli.class.getName()),
        Map.of(),
        null,
        database,
        arguments);
  }

  private static Run migochat(
      List<String> launcher,
      Map<String, String> environment,
      Path directory,
      ThrowawayDatabase database,
      String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // C1 only: a third less CPU for each of this class's short runs.
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(launcher);
    command.addAll(List.of(arguments));
    if (database != null) {
      command.addAll(List.of("--url", database.url(), "--user", database.user()));
    }
    Path out = Files.createTempFile("cli", ".out");
    Path err = Files.createTempFile("cli", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    // Backups an upgrade takes first go under target, not into the module's ./data.
    builder.environment().put("MIGOCHAT_BACKUP_DIR", "target/cli-backups");
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("migochat " + String.join(" ", arguments) + " did not finish");
    }
    Run run =
        Run.of(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  /**
   * Runs the jar on a terminal (through {@code script}, which gives it one) with {@code typed} as
   * the line the operator types; what the terminal showed is the run's output.
   */
  private static Run migochatOnATerminal(
      String typed, ThrowawayDatabase database, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-jar", System.getProperty("migochat.cli.jar")));
    command.addAll(List.of(arguments));
    command.addAll(List.of("--url", database.url(), "--user", database.user()));
    String shellCommand =
        String.join(
            " ", command.stream().map(word -> "'" + word.replace("'", "'\\''") + "'").toList());
    Path input = Files.createTempFile("cli", ".in");
    Path out = Files.createTempFile("cli", ".out");
    Files.writeString(input, typed + "\n", StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder("script", "-qec", shellCommand, "/dev/null")
            .redirectInput(input.toFile())
            .redirectOutput(out.toFile())
            .redirectErrorStream(true)
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("migochat " + String.join(" ", arguments) + " did not finish");
    }
    Run run = Run.of(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), "");
    Files.delete(input);
    Files.delete(out);
    return run;
  }

  private static JsonNode json(Run run) throws IOException {
    assertEquals(0, run.exitCode(), run.err());
    return new ObjectMapper().readTree(run.out());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void upgradeDowngradeAndAnSqlPreviewWorkLikeAlembic(Engine engine) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      Run upgrade = migochat(database, "upgrade");
      assertEquals(0, upgrade.exitCode(), upgrade.err());
      assertTrue(upgrade.out().startsWith("Applied " + CHANGESETS + " changesets"), upgrade.out());

      JsonNode current = json(migochat(database, "current", "--json"));
      assertEquals(HEAD, current.at("/changeSet/changeSet/id").asText());
      assertTrue(current.get("atHead").asBoolean());

      Run downgrade = migochat(database, "downgrade", "-" + (1 + AFTER_FULL_NAME));
      assertEquals(0, downgrade.exitCode(), downgrade.err());
      assertTrue(downgrade.out().contains(FULL_NAME), downgrade.out());
      assertEquals(FULL_NAME, json(migochat(database, "heads", "--json")).at("/0/id").asText());

      Run preview = migochat(database, "upgrade", "--sql");
      assertEquals(0, preview.exitCode(), preview.err());
      assertTrue(preview.out().toLowerCase().contains("add full_name"), preview.out());
      assertEquals(
          1 + AFTER_FULL_NAME,
          json(migochat(database, "current", "--json")).get("pending").asInt(),
          "--sql changed the database");

      assertEquals(0, migochat(database, "upgrade").exitCode());
      Run show = migochat(database, "show", FULL_NAME);
      assertEquals(0, show.exitCode(), show.err());
      assertTrue(show.out().contains("-- Rollback SQL"), show.out());
      assertTrue(show.out().toLowerCase().contains("drop column full_name"), show.out());
      assertEquals(0, migochat(database, "tag", "release-1").exitCode());
      JsonNode history = json(migochat(database, "history", "--json", "--size", "2"));
      assertEquals(CHANGESETS, history.get("total").asInt());
      assertEquals(HEAD, history.at("/runs/0/changeSet/id").asText());
      assertEquals("release-1", history.at("/runs/0/tag").asText());
    }
  }

  @Test
  void anUnreachableDatabaseIsOneLineWithTheSettingAndExitCode3() throws Exception {
    Run run = migochat(null, "current", "--url", "jdbc:postgresql://127.0.0.1:9/migochat");

    assertEquals(3, run.exitCode());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("error: "), run.err());
    assertTrue(run.err().contains("MIGOCHAT_DB_URL"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void aChangeSetBlockedByAReaderBeyondItsLockWaitBudgetExitsWith5NamingTheReader()
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      String first = ExpectedChangeSets.IDS.get(0);
      assertEquals(0, migochat(database, "upgrade", first, "--backup", "never").exitCode());
      try (Connection reader = database.connect();
          Statement statement = reader.createStatement()) {
        ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()");
        pid.next();
        int readerPid = pid.getInt(1);
        statement.execute("SET application_name = 'cli test reader'");
        reader.setAutoCommit(false);
        statement.executeQuery("SELECT count(*) FROM users").close();

        Run run =
            migochat(
                database,
                "upgrade",
                "--backup",
                "never",
                "--lock-timeout",
                "300ms",
                "--lock-wait-budget",
                "1s");

        assertEquals(5, run.exitCode(), run.err());
        String error =
            run.err().lines().filter(line -> line.startsWith("error: ")).findFirst().orElseThrow();
        assertTrue(
            error.contains(ExpectedChangeSets.IDS.get(1))
                && error.contains("pid " + readerPid + " (application 'cli test reader'")
                && error.contains("pg_terminate_backend(" + readerPid + ")"),
            run.err());
        reader.rollback();
      }
      Run current = migochat(database, "current");
      assertTrue(current.out().contains(first), current.out());
    }
  }

  @Test
  void anUnknownTargetIsOneLineAndVerboseAddsTheStackTrace() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      Run quiet = migochat(database, "upgrade", "no_such_changeset");
      Run verbose = migochat(database, "upgrade", "no_such_changeset", "--verbose");

      assertEquals(1, quiet.exitCode());
      assertEquals(1, quiet.err().lines().count(), quiet.err());
      assertTrue(quiet.err().contains("no changeset 'no_such_changeset'"), quiet.err());
      assertFalse(quiet.err().contains("\tat "), quiet.err());
      assertTrue(verbose.err().contains("\tat com.migochat"), verbose.err());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBackupRestoredAfterADowngradeToBaseBringsBackEveryRow(Engine engine) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      assertEquals(0, migochat(database, "upgrade").exitCode());
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        for (String psid : List.of("a", "b", "c")) {
          statement.executeUpdate(
              "INSERT INTO users (psid, first_name, created_at, updated_at) VALUES ('"
                  + psid
                  + "', 'Zoë Ann', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
      }
      JsonNode before = json(migochat(database, "health", "--json"));
      JsonNode backup = json(migochat(database, "backup", "--dir", "target/cli-backups", "--json"));

      Run refused = migochat(database, "downgrade", "base");
      Run downgrade = migochat(database, "downgrade", "base", "--allow-data-loss");
      Run emptied = migochat(database, "health");
      Run restore = migochat(database, "restore", backup.get("file").asText(), "--yes");
      JsonNode after = json(migochat(database, "health", "--json"));

      assertEquals(3, before.at("/rowCounts/users").asInt());
      assertEquals(1, refused.exitCode(), refused.out());
      assertTrue(
          refused.err().startsWith("error: DESTRUCTIVE_ROLLBACK: nothing was rolled back")
              && refused.err().contains("users: 3 rows (changeset 20250115_0900_initial_schema)")
              && refused.err().contains("--allow-data-loss"),
          refused.err());
      assertEquals(0, downgrade.exitCode(), downgrade.err());
      assertTrue(
          downgrade.out().contains("Lost, as --allow-data-loss allowed:")
              && downgrade.out().contains("users: 3 rows (changeset 20250115_0900_initial_schema)"),
          downgrade.out());
      assertEquals(HealthCommand.UNHEALTHY, emptied.exitCode(), emptied.out());
      assertTrue(emptied.out().contains(CHANGESETS + " changesets pending"), emptied.out());
      assertEquals(0, restore.exitCode(), restore.err());
      assertEquals(before.get("rowCounts"), after.get("rowCounts"));
      assertEquals(before.get("version"), after.get("version"));
      assertTrue(after.get("problems").isEmpty());
    }
  }

  @Test
  void restoreWithoutYesAndWithoutATerminalIsRefusedAndChangesNothing() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      assertEquals(0, migochat(database, "upgrade").exitCode());
      JsonNode backup = json(migochat(database, "backup", "--dir", "target/cli-backups", "--json"));
      assertEquals(0, migochat(database, "downgrade", "base").exitCode());

      Run refused = migochat(database, "restore", backup.get("file").asText());

      assertEquals(1, refused.exitCode());
      assertEquals(1, refused.err().lines().count(), refused.err());
      assertTrue(refused.err().startsWith("error: RESTORE_REFUSED: "), refused.err());
      assertTrue(refused.err().contains("pass --yes"), refused.err());
      assertEquals(
          CHANGESETS, json(migochat(database, "current", "--json")).get("pending").asInt());
    }
  }

  @Test
  void restoreOnATerminalGoesOnOnlyOnceTheDatabaseNameIsTyped() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      String name = database.url().substring(database.url().lastIndexOf('/') + 1);
      assertEquals(0, migochat(database, "upgrade").exitCode());
      String backup =
          json(migochat(database, "backup", "--dir", "target/cli-backups", "--json"))
              .get("file")
              .asText();
      assertEquals(0, migochat(database, "downgrade", "base").exitCode());

      Run mistyped = migochatOnATerminal("yes", database, "restore", backup);
      int pendingAfterMistyped =
          json(migochat(database, "current", "--json")).get("pending").asInt();
      Run typed = migochatOnATerminal(name, database, "restore", backup);

      assertTrue(mistyped.out().contains("Type the database name to go on: "), mistyped.out());
      assertEquals(1, mistyped.exitCode(), mistyped.out());
      assertTrue(mistyped.out().contains("was not typed"), mistyped.out());
      assertEquals(CHANGESETS, pendingAfterMistyped, "nothing was restored");
      assertEquals(0, typed.exitCode(), typed.out());
      assertTrue(json(migochat(database, "current", "--json")).get("atHead").asBoolean());
    }
  }

  @Test
  void backupKeepsTheLastBackupsItIsToldToAndNobodyElseCanReadThem(@TempDir Path folder)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.h2()) {
      assertEquals(0, migochat(database, "upgrade").exitCode());
      Path backups = folder.resolve("backups");

      Run first = migochat(database, "backup", "--dir", backups.toString(), "--keep", "1");
      Run second = migochat(database, "backup", "--dir", backups.toString(), "--keep", "1");

      assertEquals(0, first.exitCode(), first.err());
      assertEquals(0, second.exitCode(), second.err());
      try (var files = Files.list(backups)) {
        List<Path> kept = files.toList();
        assertEquals(1, kept.size(), kept.toString());
        assertTrue(second.out().contains(kept.get(0).toString()), second.out());
        assertEquals(
            "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept.get(0))));
      }
      assertEquals(
          "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backups)));
      assertTrue(second.err().contains("Deleted the old backup"), second.err());
    }
  }

  @Test
  void validatePassesOnAFreshHistoryAndFailsOnAnAppliedChangeSetTheChangeLogLost()
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      assertEquals(0, migochat(database, "upgrade").exitCode());
      Run clean = migochat(database, "validate");
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted,"
                + " exectype) VALUES ('ghost', 'someone', 'gone/ghost.xml', now(), 5, 'EXECUTED')");
      }
      Run lost = migochat(database, "validate");

      assertEquals(0, clean.exitCode(), clean.out() + clean.err());
      assertTrue(clean.out().startsWith("Valid:"), clean.out());
      assertEquals(1, lost.exitCode(), lost.out());
      assertTrue(lost.out().startsWith("ERROR   ghost: applied on "), lost.out());
      assertTrue(lost.out().contains("    fix: put it back in the changelog"), lost.out());
    }
  }

  @Test
  void validateNamesAnOutOfOrderChangeSetAndOneWithoutARollbackEachWithItsFix() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      assertEquals(0, migochat(database, "upgrade", "--backup", "never").exitCode());

      Run validate =
          migochatWithTestChangeLogs(
              database, "validate", "--changelog", "db/cli-test/late-branch-changelog.xml");

      assertEquals(1, validate.exitCode(), validate.out() + validate.err());
      List<String> lines = validate.out().lines().toList();
      String branch = "20250101_0000_branch_b_note: ";
      int outOfOrder =
          lines.indexOf(
              "ERROR   "
                  + branch
                  + "pending, but ordered before the applied changeset "
                  + HEAD
                  + ": two branches met");
      assertTrue(outOfOrder >= 0, validate.out());
      assertTrue(lines.get(outOfOrder + 1).startsWith("    fix: "), validate.out());
      int noRollback =
          lines.indexOf(
              "WARNING " + branch + "has no <rollback>, and Liquibase cannot derive one for sql");
      assertTrue(noRollback >= 0, validate.out());
      assertEquals(
          "    fix: add a <rollback> that undoes it; a downgrade past it is refused until then",
          lines.get(noRollback + 1));
    }
  }

  @Test
  void driftFindsAColumnAddedByHandAndExitsWith6() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      assertEquals(0, migochat(database, "upgrade").exitCode());
      Run clean = migochat(database, "drift");
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        statement.execute("ALTER TABLE users ADD COLUMN nickname varchar(40)");
      }
      Run drifted = migochat(database, "drift", "--changes");

      assertEquals(0, clean.exitCode(), clean.out() + clean.err());
      assertTrue(clean.out().startsWith("No drift: the schema is what its "), clean.out());
      assertEquals(6, drifted.exitCode(), drifted.out() + drifted.err());
      assertTrue(
          drifted.out().contains("column public.users.nickname: only in the live database"),
          drifted.out());
      assertTrue(drifted.out().contains("<dropColumn"), drifted.out());
    }
  }

  @Test
  void lintValidateAndUpgradeReportAnIndexBuiltWithoutConcurrentlyOnAPopulatedTable()
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      assertEquals(0, migochat(database, "upgrade", "--backup", "never").exitCode());
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "INSERT INTO users (psid, created_at, updated_at)"
                + " SELECT 'psid' || g, now(), now() FROM generate_series(1, 200) g");
      }
      String[] options = {
        "--changelog", "db/cli-test/hazard-changelog.xml", "--hazard-rows", "100"
      };

      Run lint = migochatWithTestChangeLogs(database, concat("lint", options));
      Run lenient = migochatWithTestChangeLogs(database, concat("lint", options[0], options[1]));
      Run validate = migochatWithTestChangeLogs(database, concat("validate", options));
      Run sql = migochatWithTestChangeLogs(database, concat("upgrade", concat("--sql", options)));
      Run upgrade =
          migochatWithTestChangeLogs(
              database, concat("upgrade", concat("--backup", concat("never", options))));

      assertEquals(1, lint.exitCode(), lint.out() + lint.err());
      assertTrue(
          lint.out().startsWith("BLOCKING      index-not-concurrent on users ("), lint.out());
      assertTrue(
          lint.out().contains("changeset index_users_email at db/cli-test/hazard-changelog.xml:5"),
          lint.out());
      assertTrue(lint.out().contains("allow-hazard:<rule-id>"), lint.out());
      assertEquals(0, lenient.exitCode(), lenient.out() + lenient.err());
      assertTrue(lenient.out().startsWith("INFORMATIONAL index-not-concurrent"), lenient.out());
      assertEquals(1, validate.exitCode(), validate.out());
      assertTrue(validate.out().contains("BLOCKING      index-not-concurrent"), validate.out());
      assertEquals(0, sql.exitCode(), sql.err());
      assertTrue(sql.out().contains("-- HAZARD BLOCKING index-not-concurrent on users"), sql.out());
      assertEquals(1, upgrade.exitCode(), upgrade.out());
      assertTrue(
          upgrade.err().startsWith("error: Migration of changeset index_users_email"),
          upgrade.err());
      assertTrue(upgrade.err().contains("allow-hazard:index-not-concurrent"), upgrade.err());
    }
  }

  @Test
  void aChangeSetOfAMergedBranchIsRefusedUntilAllowedAndThenRunsAsItTouchesNoLaterTable()
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      String[] branchA = {"--changelog", "db/cli-test/branch-a-changelog.xml", "--backup", "never"};
      String[] merged = {"--changelog", "db/cli-test/merged-changelog.xml", "--backup", "never"};
      assertEquals(0, migochatWithTestChangeLogs(database, concat("upgrade", branchA)).exitCode());

      Run refused = migochatWithTestChangeLogs(database, concat("upgrade", merged));
      Run allowed =
          migochatWithTestChangeLogs(
              database, concat("upgrade", concat("--allow-out-of-order", merged)));

      assertEquals(1, refused.exitCode(), refused.out());
      assertTrue(
          refused.err().startsWith("error: OUT_OF_ORDER: nothing was migrated")
              && refused
                  .err()
                  .contains(
                      "29990101_0900_branch_b_reminders::test sorts before the"
                          + " applied 29990102_0900_branch_a_notes")
              && refused.err().contains("--allow-out-of-order")
              && refused.err().contains("move its include after 29990102_0900_branch_a_notes"),
          refused.err());
      assertEquals(0, allowed.exitCode(), allowed.err());
      assertTrue(
          allowed.out().startsWith("Applied 1 changesets")
              && allowed.out().contains("29990101_0900_branch_b_reminders"),
          allowed.out());
    }
  }

  private static String[] concat(String first, String... rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  @Test
  void aMissingPgDumpIsNamedInOneLine() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      assertEquals(0, migochat(database, "upgrade", "--backup", "never").exitCode());
      Run run =
          migochat(
              Map.of("MIGOCHAT_PG_BIN", "/nonexistent"),
              database,
              "backup",
              "--dir",
              "target/cli-backups");

      assertEquals(1, run.exitCode());
      assertEquals(1, run.err().lines().count(), run.err());
      assertTrue(
          run.err().startsWith("error: BACKUP_FAILED: /nonexistent/pg_dump is missing"), run.err());
    }
  }

  @Test
  void everyCommandExplainsItselfWithHelp() throws Exception {
    for (String command : COMMANDS) {
      Run help = migochat(null, command, "--help");
      assertEquals(0, help.exitCode(), command);
      assertTrue(help.out().contains("Usage: migochat " + command), help.out());
    }
  }

  @Test
  void theCommandListGivesEveryCommandAWholeSentence() throws Exception {
    Run help = migochat(null, "--help");

    String out = help.out();
    Map<String, String> entries = new LinkedHashMap<>();
    String last = null;
    List<String> list =
        out.substring(out.indexOf("Commands:"))
            .lines()
            .skip(1)
            .takeWhile(l -> !l.isBlank())
            .toList();
    for (String line : list) {
      Matcher entry = Pattern.compile("^  (\\S+?)(, \\S+)*\\s+(.*)$").matcher(line);
      if (entry.matches()) {
        last = entry.group(1);
        entries.put(last, entry.group(3).strip());
      } else if (last != null && line.startsWith("   ")) {
        entries.merge(last, line.strip(), (start, rest) -> start + " " + rest);
      }
    }
    assertTrue(entries.keySet().containsAll(COMMANDS), out);
    entries.forEach(
        (command, sentence) ->
            assertTrue(sentence.endsWith("."), command + " is cut mid-phrase: " + sentence));
  }

  @Test
  void baselinePutsACreateAllDatabaseUnderTheChangeLogAndAutogenerateFindsNothingToDo(
      @TempDir Path folder) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      EntitySchema.createIn(database.dataSource(), database.url());
      Files.writeString(
          folder.resolve("migochat-changelog.xml"),
          "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
              + "</databaseChangeLog>\n");

      Run baseline = migochat(database, "baseline");
      Run again = migochat(database, "baseline");
      Run autogenerate = migochat(database, "autogenerate", "nothing", "--dir", folder.toString());
      Run unlock = migochat(database, "unlock");

      assertEquals(0, baseline.exitCode(), baseline.err());
      assertTrue(
          baseline.out().contains("Recorded " + CHANGESETS + " changesets as applied"),
          baseline.out());
      assertTrue(json(migochat(database, "current", "--json")).get("atHead").asBoolean());
      assertEquals(1, again.exitCode());
      assertTrue(again.err().contains("needs no baseline"), again.err());
      assertEquals(0, autogenerate.exitCode(), autogenerate.err());
      assertTrue(autogenerate.out().startsWith("The entities and the changelog agree"));
      assertFalse(Files.exists(folder.resolve("changes")), "nothing was written");
      assertEquals(0, unlock.exitCode(), unlock.err());
      assertEquals("Not locked: nothing to release.", unlock.out().strip());
    }
  }

  @Test
  void contextsAndLabelsSelectTheSameChangeSetsForHeadsUpgradeAndCurrent(@TempDir Path folder)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        var filtered = MigochatCliIT.class.getResourceAsStream("/db/test/filtered-changelog.xml")) {
      Files.copy(filtered, folder.resolve("migochat-changelog.xml"));
      String dir = folder.toString();
      Map<String, String> production =
          Map.of(
              "MIGOCHAT_MIGRATIONS_CONTEXTS", "production",
              "MIGOCHAT_MIGRATIONS_LABELS", "reporting");

      Run heads = migochatIn(null, production, database, "heads", "--changelog-dir", dir);
      Run upgrade =
          migochatIn(
              null, production, database, "upgrade", "--backup", "never", "--changelog-dir", dir);
      JsonNode filteredCurrent =
          json(
              migochat(
                  database,
                  "current",
                  "--json",
                  "--changelog-dir",
                  dir,
                  "--contexts",
                  "production",
                  "--label-filter",
                  "reporting"));
      JsonNode unfilteredCurrent =
          json(migochat(database, "current", "--json", "--changelog-dir", dir));

      assertEquals(0, heads.exitCode(), heads.err());
      assertEquals(
          List.of("filtered_people", "filtered_reports"),
          heads.out().lines().map(line -> line.split(" ")[0]).toList(),
          heads.out());
      assertEquals(
          "Changelog: " + folder.resolve("migochat-changelog.xml") + " (on disk)",
          heads.changeLog());
      assertEquals(0, upgrade.exitCode(), upgrade.err());
      assertTrue(
          upgrade.out().startsWith("Applied 2 changesets")
              && upgrade.out().contains("filtered_reports"),
          upgrade.out());
      assertEquals(0, filteredCurrent.get("pending").asInt());
      assertTrue(filteredCurrent.get("atHead").asBoolean());
      assertEquals(3, unfilteredCurrent.get("pending").asInt(), "test, test+reporting, audit");
    }
  }

  @Test
  void insideTheRepositoryTheChangeLogOnDiskIsUpgradedAndTheJarSeesTheSameHistory(
      @TempDir Path repository) throws Exception {
    Path source = repository.resolve(ChangeLogSource.SOURCE_RESOURCES).resolve("db/changelog");
    Path shipped = Path.of("..", ChangeLogSource.SOURCE_RESOURCES, "db/changelog");
    Files.createDirectories(source.getParent());
    try (var files = Files.walk(shipped)) {
      for (Path file : files.toList()) {
        Files.copy(file, source.resolve(shipped.relativize(file).toString()));
      }
    }
    Path module = Files.createDirectories(repository.resolve("migochat-cli"));
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      JsonNode created = json(migochatIn(repository, Map.of(), null, "new", "add phone", "--json"));
      Run upgrade = migochatIn(module, Map.of(), database, "upgrade", "--backup", "never");
      Run current = migochatIn(Path.of("/"), Map.of(), database, "current", "--json");

      assertEquals(0, upgrade.exitCode(), upgrade.err());
      assertEquals(
          "Changelog: " + source.resolve("migochat-changelog.xml") + " (on disk)",
          upgrade.changeLog());
      assertTrue(upgrade.out().startsWith("Applied " + (CHANGESETS + 1) + " changesets"));
      assertTrue(upgrade.out().contains(created.get("id").asText()), upgrade.out());
      assertEquals(
          "Changelog: db/changelog/migochat-changelog.xml (built into migochat-cli.jar)",
          current.changeLog());
      JsonNode version = json(current);
      assertEquals(0, version.get("pending").asInt(), "the jar's changesets are all applied");
      assertEquals(created.get("id").asText(), version.at("/changeSet/changeSet/id").asText());
    }
  }
}
