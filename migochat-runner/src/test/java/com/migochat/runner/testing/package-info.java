/**
 * Test fixtures shared with the system tests (published as this module's test-jar): throwaway
 * PostgreSQL and H2 databases that tests create and drop themselves.
 */
package com.migochat.runner.testing;
