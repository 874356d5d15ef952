/**
 * The part of Migochat's test kit that needs nothing of Migochat, shared by the runner's tests, the
 * system tests and the benchmark: Payara Micro launched as a process, ports chosen free when a test
 * runs, and a TCP forwarder that makes a database appear when a test chooses. The throwaway
 * databases and the expected changesets, which need the runner, are in the runner's test-jar
 * ({@code com.migochat.runner.testing}).
 */
package com.migochat.testkit;
