package com.migochat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.migochat.migrations.startup.EntityCheckResult;
import com.migochat.migrations.startup.MigrationOutcome;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationFailure;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The two startup results the web reads say the same thing by the same name: {@code failure()} is
 * whether and why it failed, {@code problem()} the bare value, null when nothing failed.
 */
class StartupResultsTest {

  private final MigrationFailure failure =
      new MigrationFailure(MigrationError.CHANGESET_FAILED, null, "syntax error", "fix it");

  @Test
  void aFailedMigrationAndAFailedEntityCheckBothAnswerFailureWithTheReason() {
    assertEquals(Optional.of(failure), MigrationOutcome.failed(failure, "test").failure());
    assertEquals(Optional.of("no table"), new EntityCheckResult(Map.of(), "no table").failure());
  }

  @Test
  void aFailedMigrationAndAFailedEntityCheckBothAnswerProblemWithTheBareValue() {
    assertEquals(failure, MigrationOutcome.failed(failure, "test").problem());
    assertEquals("no table", new EntityCheckResult(Map.of(), "no table").problem());
  }

  @Test
  void whatSucceededAnswersNoFailureAndNoProblem() {
    MigrationOutcome migrated = MigrationOutcome.succeeded(null, "test");
    EntityCheckResult matched = new EntityCheckResult(Map.of("User", 1L), null);

    assertEquals(Optional.empty(), migrated.failure());
    assertEquals(Optional.empty(), matched.failure());
    assertNull(migrated.problem());
    assertNull(matched.problem());
  }
}
