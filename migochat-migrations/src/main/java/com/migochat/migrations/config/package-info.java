/**
 * The application's settings: every {@code migochat.*} key, read once from MicroProfile Config (or,
 * on a server without it, from system properties and environment variables) with its default into
 * one immutable {@link com.migochat.migrations.config.MigochatSettings}, logged once without
 * secrets, and given to the migration (which runs before CDI) and to every bean.
 */
package com.migochat.migrations.config;
