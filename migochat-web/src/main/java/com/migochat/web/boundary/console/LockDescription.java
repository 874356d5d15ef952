package com.migochat.web.boundary.console;

import com.migochat.runner.lock.LockReport;

/**
 * The migration lock in the console's words: free, or who holds it, since when, and whether it
 * runs.
 */
final class LockDescription {

  private LockDescription() {}

  static String of(LockReport report) {
    if (!report.state().locked()) {
      return "free";
    }
    String holder =
        switch (report.holder()) {
          case ALIVE -> "still running";
          case DEAD -> "gone: stale, the next migration or 'Release stale lock' frees it";
          case UNKNOWN -> "cannot be checked from here";
        };
    return "held by "
        + report.state().lockedBy()
        + " since "
        + report.state().since()
        + " ("
        + holder
        + ")";
  }
}
