/**
 * The migration core, a plain library: {@link com.migochat.runner.MigrationRunner} is its facade,
 * one method per operation, built from one {@link
 * com.migochat.runner.config.MigrationConfiguration}. Each operation is a class of its own in the
 * sub-package named after it ({@code upgrade}, {@code downgrade}, {@code baseline}, {@code tag},
 * {@code status}, {@code validation}); they work through {@code liquibase}'s session, and below it
 * lie the values ({@code changeset}, {@code failure}), {@code database}, {@code history}, {@code
 * lock}, {@code backup} and {@code schema}. Nothing here knows Jakarta EE, MicroProfile or
 * EclipseLink: the server's adapters and the CLI drive this core.
 */
package com.migochat.runner;
