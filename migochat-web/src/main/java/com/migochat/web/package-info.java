/**
 * Migochat's web module, by layer then feature. {@code boundary} is what the outside talks to: the
 * migration console ({@code boundary.console}: its status and history views and actions), the REST
 * API under {@code /api} ({@code boundary.rest}), the Messenger webhook ({@code boundary.webhook})
 * and what says whether Migochat serves ({@code boundary.serving}: the 503 gate, health, metrics).
 * {@code control} does the work behind them: storing and listing leads ({@code control.leads}),
 * reading Messenger's events ({@code control.messenger}), dead letters ({@code
 * control.deadletters}), and whether to serve with the schema overview's cache ({@code
 * control.serving}). {@code security} is who may do what. Boundaries call controls, never the other
 * way round; every setting comes from the injected {@code MigochatSettings}.
 */
package com.migochat.web;
