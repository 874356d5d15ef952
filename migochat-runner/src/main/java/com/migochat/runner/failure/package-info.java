/**
 * What went wrong and what to do about it: the stable error codes, the failure a log line, the
 * readiness check and the CLI show, the one unchecked exception, and the analysis that turns
 * database and Liquibase errors into them.
 */
package com.migochat.runner.failure;
