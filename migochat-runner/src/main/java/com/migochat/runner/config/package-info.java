/**
 * The runner's whole configuration, one immutable value built once ({@code
 * MigrationConfiguration.configure(login)...load()}), and the backup settings and policy in it; the
 * defaults the server and the CLI share.
 */
package com.migochat.runner.config;
