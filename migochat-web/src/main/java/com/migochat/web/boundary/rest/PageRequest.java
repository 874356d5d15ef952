package com.migochat.web.boundary.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The {@code page} and {@code size} of a paged JSON resource, checked against its largest page. */
public final class PageRequest {

  private PageRequest() {}

  /**
   * Answers 400 with the rule unless {@code page} is 0 or more and {@code size} 1 to {@code max}.
   */
  public static void check(int page, int size, int max) {
    if (page < 0 || size < 1 || size > max) {
      throw badRequest("page must be 0 or more and size between 1 and " + max);
    }
  }

  /** A 400 answer that says, in plain text, what to change. */
  public static BadRequestException badRequest(String why) {
    return new BadRequestException(
        Response.status(Response.Status.BAD_REQUEST)
            .type(MediaType.TEXT_PLAIN)
            .entity(why)
            .build());
  }
}
