package com.migochat.web.leads;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/leads?page=0&size=50}: the leads, newest first, a page at a time (at most {@value
 * #MAX_SIZE} per page). Same login as the rest of {@code /api}.
 */
@Path("leads")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class LeadsResource {

  static final int MAX_SIZE = 200;

  @EJB LeadDirectory directory;

  @GET
  public LeadPage leads(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    if (page < 0 || size < 1 || size > MAX_SIZE) {
      throw new BadRequestException(
          Response.status(Response.Status.BAD_REQUEST)
              .type(MediaType.TEXT_PLAIN)
              .entity("page must be 0 or more and size between 1 and " + MAX_SIZE)
              .build());
    }
    return directory.page(page, size);
  }
}
