package com.migochat.web.boundary.rest;

import com.migochat.web.control.deadletters.DeadLetterDirectory;
import com.migochat.web.control.deadletters.DeadLetterPage;
import com.migochat.web.control.deadletters.DeadLetterReplay;
import com.migochat.web.control.deadletters.ReplayRefused;
import com.migochat.web.control.deadletters.ReplayResult;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import java.util.logging.Logger;

/**
 * {@code GET /api/webhook/dead-letters?page=0&size=50}: the webhook events that could not be
 * stored, newest first (at most {@value #MAX_SIZE} per page). {@code POST
 * /api/webhook/dead-letters/{id}/replay}: stores one after all; each replay is logged with who
 * asked. Both are for an {@code admin} only (web.xml): the raw events carry what people wrote.
 */
@Path("webhook/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class DeadLettersResource {

  static final int MAX_SIZE = 200;

  private static final Logger LOG = Logger.getLogger(DeadLettersResource.class.getName());

  /** What a browser says of a request it sends for a page of this site, or typed in by hand. */
  private static final Set<String> SAME_SITE = Set.of("same-origin", "none");

  @EJB DeadLetterDirectory directory;

  @EJB DeadLetterReplay replay;

  @Context SecurityContext security;

  @GET
  public DeadLetterPage deadLetters(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    PageRequest.check(page, size, MAX_SIZE);
    return directory.page(page, size);
  }

  @POST
  @Path("{id}/replay")
  public Response replay(
      @PathParam("id") long id, @HeaderParam("Sec-Fetch-Site") String fetchSite) {
    String who = security.getUserPrincipal().getName();
    // A browser holding Basic credentials would send them along with another site's form too.
    if (fetchSite != null && !SAME_SITE.contains(fetchSite)) {
      return refused(403, who, id, "the request came from another site (" + fetchSite + ")");
    }
    try {
      ReplayResult result = replay.replay(id);
      LOG.info("Dead letter " + id + " replayed by " + who + ": " + result.stored());
      return Response.ok(result).build();
    } catch (ReplayRefused e) {
      return refused(e.status(), who, id, e.getMessage());
    } catch (EJBException e) {
      LOG.warning("Replay of dead letter " + id + " by " + who + " failed: " + e.getMessage());
      return text(503, "dead letter " + id + " not stored now: the database failed; try again");
    }
  }

  private static Response refused(int status, String who, long id, String why) {
    LOG.warning("Refused replay of dead letter " + id + " by " + who + ": " + why);
    return text(status, why);
  }

  private static Response text(int status, String text) {
    return Response.status(status).type(MediaType.TEXT_PLAIN).entity(text).build();
  }
}
