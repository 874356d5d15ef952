/**
 * Test fixtures shared with the CLI's and the system tests (published as this module's test-jar),
 * all of which need the runner: throwaway PostgreSQL and H2 databases that tests create and drop
 * themselves, and the changesets every fresh database must end with. What needs nothing of Migochat
 * (Payara Micro, free ports, TCP forwarding) is in migochat-testkit.
 */
package com.migochat.runner.testing;
