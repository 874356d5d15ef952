/**
 * Where Migochat's {@code migochat.*} settings come from inside a server: the application's
 * MicroProfile Config when the server has one, else the process's system properties and environment
 * variables, read with MicroProfile Config's rules. The core reads them through this package only,
 * without MicroProfile on its class path, so that the URL-driven data source and the application
 * see the same values on every server.
 */
package com.migochat.runner.settings;
