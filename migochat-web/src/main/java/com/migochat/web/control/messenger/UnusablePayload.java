package com.migochat.web.control.messenger;

/**
 * A webhook body that cannot be read, or an event that cannot be stored as it is; the message says
 * what is wrong and where.
 */
public class UnusablePayload extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnusablePayload(String reason) {
    super(reason);
  }
}
