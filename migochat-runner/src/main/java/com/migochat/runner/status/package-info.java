/**
 * Reading where the database stands: status, current version, one changeset shown with its SQL,
 * health with row counts, and the console's overview.
 */
package com.migochat.runner.status;
