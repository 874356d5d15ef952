/**
 * {@code downgrade}: rolling back applied changesets down to a target (a changeset, a tag, a date,
 * a number, base), or printing the SQL it would run.
 */
package com.migochat.runner.downgrade;
