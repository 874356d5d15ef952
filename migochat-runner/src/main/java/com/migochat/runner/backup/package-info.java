/**
 * Backups and restores of Migochat's tables: pg_dump, pg_restore and psql on PostgreSQL (reached
 * through libpq's environment, read from the JDBC URL by the driver's parser), SCRIPT and RUNSCRIPT
 * on H2; owner-only files in an owner-only folder, the last N kept; restores all or nothing,
 * refused while the application may run; and the backup an upgrade takes first.
 */
package com.migochat.runner.backup;
