package com.migochat.web.boundary.rest;

import com.migochat.web.control.leads.LeadDirectory;
import com.migochat.web.control.leads.LeadPage;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
    PageRequest.check(page, size, MAX_SIZE);
    return directory.page(page, size);
  }
}
