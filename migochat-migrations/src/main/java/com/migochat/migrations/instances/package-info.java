/**
 * This deployment in the instance registry: registered (with its release and what its persistence
 * unit maps) before it migrates, kept alive by a heartbeat, removed when it stops cleanly. The
 * registry itself, and the compatibility check that reads it, are the core's ({@code
 * com.migochat.runner.instance}, {@code com.migochat.runner.compatibility}).
 */
package com.migochat.migrations.instances;
