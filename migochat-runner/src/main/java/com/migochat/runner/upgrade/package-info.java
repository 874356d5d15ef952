/**
 * {@code upgrade}: applying pending changesets up to a target under one migration lock, with the
 * backup first and the fingerprint that lets the next start skip Liquibase when nothing changed.
 */
package com.migochat.runner.upgrade;
