/**
 * Leads: storing what users send through Messenger (users by page-scoped id, messages once per
 * Messenger message id, lead activities, and the events that could not be read as dead letters) and
 * listing them for sales at {@code /api/leads}.
 */
package com.migochat.web.leads;
