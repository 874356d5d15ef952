/**
 * Who may use the migration console: Jakarta Security with a login form for people and HTTP Basic
 * for scripts, accounts and roles ({@code admin} acts, {@code viewer} looks) from MicroProfile
 * Config, plain or PBKDF2-hashed passwords, a generated administrator password logged once when
 * none is configured (never a fixed default), a per-session token against cross-site request
 * forgery, and the security headers on every answer.
 */
package com.migochat.web.security;
