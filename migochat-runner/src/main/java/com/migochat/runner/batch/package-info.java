/**
 * Batched data migrations: {@link com.migochat.runner.batch.BatchedUpdate}, a Liquibase custom
 * change that updates a big table in bounded batches, each committed on its own, resumes where a
 * crash left it (its where-clause selects only the rows still to do), and is recorded as one
 * changeset once the last batch committed.
 */
package com.migochat.runner.batch;
