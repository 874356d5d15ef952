/**
 * The migration console for administrators: schema version, pending changesets, the startup
 * migration and the full history, newest first. Everything shown is escaped: changeset comments are
 * text written by developers and must never run as markup.
 */
package com.migochat.web.admin;
