/**
 * Whether Migochat may serve, and what it reports: only when the schema is at head and the entities
 * match it. Until then requests get 503 with the reason, and MicroProfile readiness is DOWN with
 * it; liveness stays UP while the process runs; MicroProfile Metrics give the migration's duration,
 * applied and pending changesets.
 */
package com.migochat.web.serving;
