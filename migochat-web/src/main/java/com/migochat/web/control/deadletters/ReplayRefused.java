package com.migochat.web.control.deadletters;

import jakarta.ejb.ApplicationException;

/**
 * A replay that stored nothing, with the HTTP status that says why: 404 no such dead letter, 409
 * replayed already, 422 the event still cannot be stored. The message says what to do.
 */
@ApplicationException(rollback = true)
public class ReplayRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  ReplayRefused(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
