/**
 * Container-managed migration: the adapters that run the {@link
 * com.migochat.runner.MigrationRunner} once per deployment, strictly before the persistence unit
 * touches the database.
 *
 * <p>EclipseLink logs in while the application deploys, before any startup bean runs, so the
 * migration starts from {@link com.migochat.migrations.startup.MigrateBeforeLogin} (an EclipseLink
 * session listener). {@link com.migochat.migrations.startup.SchemaMigrator}, a startup singleton,
 * then reports the same run (or performs it, if no persistence unit logged in first); other startup
 * beans declare {@code @DependsOn("SchemaMigrator")}.
 */
package com.migochat.migrations.startup;
