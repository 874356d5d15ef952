package com.migochat.web.boundary.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the REST resources under {@code /api}. */
@ApplicationPath("api")
public class MigochatApi extends Application {}
