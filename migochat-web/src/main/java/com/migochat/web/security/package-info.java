/**
 * Who may see the migration console: Jakarta Security with HTTP Basic and one {@code admin} account
 * whose password comes from {@code MIGOCHAT_ADMIN_PASSWORD}, or is generated and logged once at
 * startup. There is never a fixed default password.
 */
package com.migochat.web.security;
