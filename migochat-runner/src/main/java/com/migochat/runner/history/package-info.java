/**
 * Reading Liquibase's history table: pages filtered and sorted by the database, a cheap version of
 * it for caches, Liquibase's table names; the console's and the CLI's history.
 */
package com.migochat.runner.history;
