/**
 * The migration lock: who holds it (host, process, machine and PostgreSQL session), whether that
 * holder still runs, and the one place that releases only the holder it judged, for {@code unlock}
 * and for the crash-safe lock service alike.
 */
package com.migochat.runner.lock;
