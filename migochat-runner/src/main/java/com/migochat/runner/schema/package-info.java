/**
 * Comparing schemas: scratch databases beside the migrated one, and the differences between two
 * schemas (baseline, autogenerate).
 */
package com.migochat.runner.schema;
