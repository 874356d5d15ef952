/**
 * Who may use the console and the API: Jakarta Security with a login form for people and HTTP Basic
 * for scripts; accounts and roles ({@code admin} acts, {@code viewer} looks at the console, {@code
 * sales} reads the leads) from the console settings, with roles parsed here; passwords checked as
 * PBKDF2 hashes, only on paths that need a login, remembered for a minute once right, and throttled
 * per client address and user name once wrong too often; a generated administrator password written
 * to an owner-only file when none is configured (never a fixed default, never in the log); a
 * per-session token against cross-site request forgery; and the security headers on every answer.
 */
package com.migochat.web.security;
