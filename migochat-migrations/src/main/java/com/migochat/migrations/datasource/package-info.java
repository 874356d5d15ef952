/**
 * The application's connection to its database, chosen by one setting: {@code migochat.db.url}
 * ({@code MIGOCHAT_DB_URL}). The driver follows from the URL, so switching from the embedded H2
 * default to PostgreSQL needs no second setting.
 */
package com.migochat.migrations.datasource;
