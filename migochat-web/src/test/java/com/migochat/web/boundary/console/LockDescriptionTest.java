package com.migochat.web.boundary.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.migochat.runner.lock.LockHolder;
import com.migochat.runner.lock.LockReport;
import com.migochat.runner.lock.LockState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockDescriptionTest {

  private static final String HOLDER = "web-1 (10.0.0.5) pid 4242";
  private static final Instant SINCE = Instant.parse("2026-11-29T08:53:01Z");

  private static String held(LockHolder.Liveness liveness) {
    return LockDescription.of(new LockReport(new LockState(true, HOLDER, SINCE), liveness));
  }

  @Test
  void aFreeLockIsFree() {
    assertEquals(
        "free", LockDescription.of(new LockReport(new LockState(false, null, null), null)));
  }

  @Test
  void aHeldLockNamesItsHolderSinceWhenAndWhetherItStillRuns() {
    assertEquals(
        "held by web-1 (10.0.0.5) pid 4242 since 2026-11-29T08:53:01Z (still running)",
        held(LockHolder.Liveness.ALIVE));
    assertEquals(
        "held by web-1 (10.0.0.5) pid 4242 since 2026-11-29T08:53:01Z (gone: stale, the next"
            + " migration or 'Release stale lock' frees it)",
        held(LockHolder.Liveness.DEAD));
    assertEquals(
        "held by web-1 (10.0.0.5) pid 4242 since 2026-11-29T08:53:01Z (cannot be checked from"
            + " here)",
        held(LockHolder.Liveness.UNKNOWN));
  }
}
