/**
 * Whether Migochat may serve, and what it reports: only when the schema is at head and the entities
 * match it. Until then requests get 503, and MicroProfile readiness is DOWN, each with a stable
 * code and the changeset only (anyone can read them; the details are behind the console's login);
 * liveness stays UP while the process runs; MicroProfile Metrics give the migration's duration,
 * applied and pending changesets without touching the database.
 */
package com.migochat.web.serving;
