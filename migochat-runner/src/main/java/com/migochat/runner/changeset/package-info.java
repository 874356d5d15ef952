/**
 * Values about changesets that every layer shares: a changeset's identity, its run in the history,
 * its timing, its details with SQL, an SQL preview, and the listener that hears a run's progress.
 */
package com.migochat.runner.changeset;
