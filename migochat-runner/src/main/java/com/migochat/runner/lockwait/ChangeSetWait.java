package com.migochat.runner.lockwait;

import com.migochat.runner.changeset.ChangeSetRef;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long one changeset has been waiting for locks, counted from its first wait, and how long to
 * pause before its next attempt: 0.5 s doubling up to 10 s, each pause drawn between half and all
 * of that, so that instances blocked together do not all try again at the same moment.
 *
 * @param changeSet the changeset that waits
 * @param firstWaitNanos when its first wait began ({@link System#nanoTime()})
 * @param attempts how many of its attempts timed out
 */
record ChangeSetWait(ChangeSetRef changeSet, long firstWaitNanos, int attempts) {

  private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

  /** {@code changeSet} has just timed out for the first time, after waiting {@code lockTimeout}. */
  static ChangeSetWait first(ChangeSetRef changeSet, Duration lockTimeout) {
    return new ChangeSetWait(changeSet, System.nanoTime() - lockTimeout.toNanos(), 1);
  }

  /**
   * After the timeout of {@code changeSet}: this wait again, or a new one for another changeset.
   */
  ChangeSetWait after(ChangeSetRef timedOut, Duration lockTimeout) {
    return changeSet.equals(timedOut)
        ? new ChangeSetWait(changeSet, firstWaitNanos, attempts + 1)
        : first(timedOut, lockTimeout);
  }

  /** Since the first wait began. */
  Duration waited() {
    return Duration.ofNanos(System.nanoTime() - firstWaitNanos);
  }

  /** The pause before the next attempt, with jitter. */
  Duration pause() {
    long longest =
        Math.min(LONGEST_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << Math.min(attempts - 1, 20));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(longest / 2, longest + 1));
  }
}
