/**
 * The migration console, {@code admin/migrations.xhtml}: its status view (schema version, lock,
 * drift, pending changesets with their SQL, the startup migration with each changeset's duration)
 * and its history view (a page at a time, sorted and filtered by the database, every view addressed
 * by its URL). Admins act (tag, release a stale lock, back up); viewers only look. Everything shown
 * is escaped: changeset comments are text written by developers and must never run as markup.
 */
package com.migochat.web.boundary.console;
