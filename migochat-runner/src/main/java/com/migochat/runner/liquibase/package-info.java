/**
 * Migochat inside Liquibase: the session every operation works through (connection, scope,
 * changelog parsing, error mapping), the command runner and the changeset recorder, and the
 * services Migochat registers with Liquibase (the crash-safe lock service and its holder line, the
 * changeset committed with its history row, the history service safe for instances starting
 * together), and the migration lock held for a whole upgrade.
 */
package com.migochat.runner.liquibase;
