/**
 * Whether Migochat may serve: only when the schema is at head and the entities match it. Until then
 * requests get 503 with the reason, and MicroProfile readiness is DOWN.
 */
package com.migochat.web.serving;
