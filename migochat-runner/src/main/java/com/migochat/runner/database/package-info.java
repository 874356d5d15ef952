/**
 * Reaching the database: its URL (engine, name, sibling databases, parsed by the PostgreSQL
 * driver's own parser), a login, the URL-driven data source the server's pool and the CLI use,
 * waiting for a database that is not up yet, and plain JDBC work with its errors explained.
 */
package com.migochat.runner.database;
