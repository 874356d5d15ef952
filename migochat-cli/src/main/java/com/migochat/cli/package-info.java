/**
 * The {@code migochat} command line: Alembic's workflow (current, history, heads, upgrade,
 * downgrade, tag, {@code --sql}) on Migochat's Liquibase changelog. One class per command, each a
 * thin adapter around the {@link com.migochat.runner.MigrationRunner} that the server uses; output
 * for people, or {@code --json} for scripts.
 */
package com.migochat.cli;
