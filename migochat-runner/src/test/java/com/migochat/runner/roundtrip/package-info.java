/**
 * The round-trip harness: every changeset of the changelog, on PostgreSQL and H2, is applied,
 * rolled back and applied again, with representative rows in every table, and nothing that the
 * older schema can hold may be lost.
 */
package com.migochat.runner.roundtrip;
