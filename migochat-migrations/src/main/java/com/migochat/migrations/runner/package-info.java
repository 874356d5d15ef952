/**
 * The migration runner: plain Java on Liquibase's command API, with no Jakarta types, so the
 * startup migrator, the command line and the tests all drive the same code. Every operation returns
 * a value ({@link com.migochat.migrations.runner.UpgradeResult}, {@link
 * com.migochat.migrations.runner.StatusReport}) and fails with a {@link
 * com.migochat.migrations.runner.MigrationException} whose message says what went wrong and what to
 * do.
 */
package com.migochat.migrations.runner;
