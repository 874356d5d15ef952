/**
 * Offline scripts, as Alembic's {@code --sql} writes them: the SQL of an upgrade or downgrade for a
 * database that is not there, from an empty schema or from a given changeset, with the history
 * table's creation and rows, written by Liquibase's offline database support.
 */
package com.migochat.runner.offline;
