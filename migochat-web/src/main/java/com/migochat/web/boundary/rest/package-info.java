/**
 * Every REST resource, JSON under {@code /api}: the migrations ({@code /api/migrations}: status,
 * pending, history, lock, startup report), the leads ({@code /api/leads}) and the webhook's dead
 * letters ({@code /api/webhook/dead-letters}), for scripts and tests. web.xml says which role reads
 * which path; the login is the console's.
 */
package com.migochat.web.boundary.rest;
