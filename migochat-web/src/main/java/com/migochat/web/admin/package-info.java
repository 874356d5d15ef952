/**
 * The migration console: schema version, lock, drift, pending changesets with their SQL, the
 * startup migration with each changeset's duration, and the history a page at a time, sorted and
 * filtered by the database, every view addressed by its URL. Admins act (tag, release a stale lock,
 * back up); viewers only look. Everything shown is escaped: changeset comments are text written by
 * developers and must never run as markup.
 */
package com.migochat.web.admin;
