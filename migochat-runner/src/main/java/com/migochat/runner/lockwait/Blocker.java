package com.migochat.runner.lockwait;

import java.time.Duration;

/**
 * A session that held a lock the migration waited for, as {@code pg_stat_activity} showed it.
 *
 * @param pid its backend process id, for {@code pg_terminate_backend}
 * @param applicationName what the client called itself (empty when it did not say)
 * @param state e.g. {@code active} or {@code idle in transaction}
 * @param age how long its transaction had been open (or the session, outside a transaction)
 * @param query the start of its current or last query, on one line
 */
public record Blocker(int pid, String applicationName, String state, Duration age, String query) {

  /** One phrase: {@code pid 4242 (application 'pg_dump', active for 25 s, query 'COPY …')}. */
  public String describe() {
    return "pid "
        + pid
        + " (application '"
        + applicationName
        + "', "
        + state
        + " for "
        + age.toSeconds()
        + " s, query '"
        + query
        + "')";
  }
}
