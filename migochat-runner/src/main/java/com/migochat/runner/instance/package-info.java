/**
 * The instance registry: each running Migochat instance records, in a table of the database it
 * serves ({@code DATABASECHANGELOG_INSTANCE}, Migochat's own, beside Liquibase's), its release,
 * host, start, heartbeat, migration progress and what its persistence unit maps. Any instance, on
 * any host, reads from it which releases are live: what a rolling upgrade must keep working.
 */
package com.migochat.runner.instance;
