/**
 * JSON under {@code /api}: the migration status and this deployment's startup report, for scripts
 * and tests. Same login as the admin page.
 */
package com.migochat.web.api;
