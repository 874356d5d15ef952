package com.migochat.migrations.startup;

import com.migochat.migrations.instances.DeployedInstance;
import javax.sql.DataSource;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Migrates the schema when the persistence unit is about to log in to the database for the first
 * time. EclipseLink does that while the application deploys, before any startup bean runs, so this
 * is the only hook that is certainly earlier than JPA.
 *
 * <p>Registered in persistence.xml as {@code eclipselink.session-event-listener}. It migrates
 * through the data source the container handed to the unit: {@code java:app} names cannot be looked
 * up here, outside any component. A failed migration does not stop the login: the unit may connect
 * (it reads no table on login), the application deploys, and {@link SchemaMigrator} keeps it from
 * serving while it reports why.
 */
public class MigrateBeforeLogin extends SessionEventAdapter {

  static final String DATA_SOURCE = "java:app/jdbc/migochat";

  @Override
  public void preLogin(SessionEvent event) {
    Session session = event.getSession();
    StartupTimeline.record(StartupTimeline.PERSISTENCE_PRE_LOGIN, session.getName());
    DeployedInstance.mapped(session);
    DeploymentMigration.ensureMigrated(() -> dataSourceOf(session), "persistence unit pre-login");
  }

  @Override
  public void postLogin(SessionEvent event) {
    StartupTimeline.record(StartupTimeline.PERSISTENCE_POST_LOGIN, event.getSession().getName());
    DeployedInstance.mapped(event.getSession());
  }

  private static DataSource dataSourceOf(Session session) {
    if (session.getDatasourceLogin() instanceof DatasourceLogin login
        && login.getConnector() instanceof JNDIConnector connector
        && connector.getDataSource() != null) {
      return connector.getDataSource();
    }
    throw new IllegalStateException(
        "The persistence unit "
            + session.getName()
            + " has no data source object to migrate with; persistence.xml must name "
            + DATA_SOURCE
            + " as its jta-data-source");
  }
}
