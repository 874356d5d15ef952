/**
 * {@code validate} and {@code accept-checksums}: drift between the changelog and the history
 * (edited, lost, out-of-order, outdated checksums, missing rollbacks) and accepting the checksums
 * an older Liquibase computed, with an audit.
 */
package com.migochat.runner.validation;
