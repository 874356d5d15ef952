/**
 * Lock-hazard checks: before a pending changeset runs, its changes are read from Liquibase's change
 * model (and its {@code <sql>}/{@code <sqlFile>} statements with JSqlParser) for the operations
 * that take a lock live traffic waits behind, and each finding is weighed by the live size of the
 * table it touches. A hazard on a table above {@code migochat.migrations.hazard-rows} stops the
 * upgrade unless the changeset opts in with the label {@code allow-hazard:<rule-id>}; below it, or
 * on a table the same changeset creates, it is informational.
 */
package com.migochat.runner.hazard;
