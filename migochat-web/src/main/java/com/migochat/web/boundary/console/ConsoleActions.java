package com.migochat.web.boundary.console;

import com.migochat.migrations.startup.SchemaMigrator;
import com.migochat.runner.backup.BackupResult;
import com.migochat.runner.drift.DriftReport;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.lock.UnlockResult;
import com.migochat.runner.tag.TagResult;
import com.migochat.web.control.serving.SchemaOverviewCache;
import com.migochat.web.security.ConsoleRole;
import com.migochat.web.security.CsrfToken;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an administrator can do from the console: tag the current state, release a stale migration
 * lock (refused while its holder runs), take a backup, check the live schema for drift. Each action
 * needs the {@code admin} role and the session's {@link CsrfToken}, and is logged with who did it,
 * whether it was done or refused.
 */
@Named("actions")
@RequestScoped
public class ConsoleActions {

  private static final Logger LOG = Logger.getLogger(ConsoleActions.class.getName());

  @EJB SchemaMigrator schemaMigrator;

  @Inject CsrfToken csrf;

  @Inject StatusView status;

  @Inject HistoryView history;

  @Inject SchemaOverviewCache overviews;

  private String tagName;

  private DriftReport liveDrift;

  public String getTagName() {
    return tagName;
  }

  public void setTagName(String tagName) {
    this.tagName = tagName;
  }

  /** What the last {@link #checkLiveSchema()} of this request found, or null. */
  public DriftReport getLiveDrift() {
    return liveDrift;
  }

  public void checkLiveSchema() {
    act(
        "check the live schema for drift",
        () -> {
          liveDrift = schemaMigrator.drift();
          return liveDrift.drifted()
              ? "Live schema drift: "
                  + liveDrift.differences().size()
                  + " differences from what the applied changesets build, listed under Drift"
              : "No live schema drift: the schema is what its "
                  + liveDrift.appliedChangeSets()
                  + " applied changesets build";
        });
  }

  public void tag() {
    act(
        "tag the history '" + tagName + "'",
        () -> {
          TagResult result = schemaMigrator.runner().tag(tagName);
          return "Tagged changeset " + result.changeSet().id() + " as '" + result.tag() + "'";
        });
    tagName = null;
  }

  public void releaseLock() {
    act(
        "release the migration lock",
        () -> {
          UnlockResult result = schemaMigrator.runner().unlock(false);
          return result.released()
              ? "Released the migration lock held by "
                  + result.before().lockedBy()
                  + " since "
                  + result.before().since()
                  + " (that process is gone)"
              : "The migration lock was free: nothing to release";
        });
  }

  public void backup() {
    act(
        "back up the database",
        () -> {
          BackupResult result = schemaMigrator.backup();
          return "Backed up the database to "
              + result.file()
              + " ("
              + result.bytes()
              + " bytes, "
              + result.took().toMillis()
              + " ms)";
        });
  }

  private void act(String what, Supplier<String> action) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    String who = external.getRemoteUser();
    if (!external.isUserInRole(ConsoleRole.ADMIN.roleName())) {
      refuse(faces, who, what, "only an admin may do that; " + who + " may only look");
      return;
    }
    if (!csrf.matches(external.getRequestParameterMap().get(CsrfToken.PARAMETER))) {
      refuse(faces, who, what, "the form did not carry this session's token; reload the page");
      return;
    }
    try {
      String done = action.get();
      LOG.info("Console action by " + who + ": " + done);
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
    } catch (MigrationException | IllegalArgumentException e) {
      LOG.log(
          Level.WARNING, "Console action by " + who + " failed: " + what + ": " + e.getMessage());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, "Could not " + what + ": " + e.getMessage(), null));
    }
    overviews.forget();
    status.reload();
    history.reload();
  }

  private static void refuse(FacesContext faces, String who, String what, String why) {
    LOG.warning("Refused console action by " + who + ": " + what + ": " + why);
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Refused: " + why + ".", null));
  }
}
