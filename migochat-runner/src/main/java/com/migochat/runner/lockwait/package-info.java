/**
 * Bounded lock waits on PostgreSQL: a changeset that waits for a table lock longer than its {@code
 * lock_timeout} is rolled back and tried again with exponential backoff and jitter until its budget
 * is spent, so that a migration queued behind a long reader never holds up the application's
 * requests for longer than one timeout. While it waits, a second session watches who blocks it
 * ({@code pg_blocking_pids}); each retry logs them, and a spent budget names them with what to do.
 * The migration's own session carries an {@code application_name} that says what it is.
 */
package com.migochat.runner.lockwait;
