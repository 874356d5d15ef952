/**
 * The README's first command, {@code ./run.sh}, run as a new user runs it: no settings, the
 * embedded database, the banner with the login, and nothing left running once it is stopped.
 */
package com.migochat.it.quickstart;
