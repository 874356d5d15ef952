/**
 * Indexes built {@code CONCURRENTLY} on PostgreSQL: which index a change creates (read from
 * Liquibase's statement or the change's SQL), the invalid indexes a failed concurrent build leaves
 * behind, and their repair: before a changeset builds an index of the name an invalid one has, the
 * invalid one is dropped, so that the changeset can build it again.
 */
package com.migochat.runner.index;
