package com.migochat.migrations.instances;

import com.migochat.migrations.config.DeployedSettings;
import com.migochat.runner.changeset.MigrationProgress;
import com.migochat.runner.instance.ChangeLogHead;
import com.migochat.runner.instance.InstanceRecord;
import com.migochat.runner.instance.InstanceRegistry;
import com.migochat.runner.instance.MappedSchema;
import com.migochat.runner.instance.RegistryProgress;
import com.migochat.runner.instance.Release;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.persistence.sessions.Session;

/**
 * This deployment's row in the instance registry. The registry is a courtesy to the other instances
 * and to operators: when it cannot be written, this instance logs a warning and serves on.
 */
public final class DeployedInstance {

  private static final Logger LOG = Logger.getLogger(DeployedInstance.class.getName());

  private static MappedSchema mapping = MappedSchema.NONE;
  private static InstanceRegistry registry;
  private static InstanceRecord instance;
  private static Thread exitHook;

  private DeployedInstance() {}

  /**
   * Takes what the persistence unit maps now (its descriptors are complete after login), and
   * records it at once when this instance is registered.
   */
  public static synchronized void mapped(Session session) {
    try {
      mapping = PersistenceMapping.of(session);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not read what the persistence unit maps: " + e, e);
      return;
    }
    if (instance != null) {
      instance = instance.mapping(mapping);
      heartbeat();
    }
  }

  /**
   * Registers this deployment as an instance of the release built with {@code changeLog}, on {@code
   * dataSource}; returns the listener a migration tells its progress to, which also writes it on
   * this instance's row.
   */
  public static synchronized MigrationProgress register(
      DataSource dataSource, String changeLog, MigrationProgress next) {
    if (instance != null) {
      return new RegistryProgress(registry, instance.id(), next);
    }
    try {
      Release release = new Release(ReleaseVersion.current(), ChangeLogHead.of(changeLog));
      InstanceRecord registering =
          InstanceRecord.ofThisProcess(
              release, DeployedSettings.current().instances().timeout(), mapping);
      registry = new InstanceRegistry(dataSource);
      registry.register(registering);
      instance = registering;
      deregisterAtExit(registering.id());
      LOG.info(
          "Registered as instance "
              + instance.id()
              + " of release "
              + release
              + " on "
              + instance.host()
              + " (pid "
              + instance.pid()
              + ")");
      return new RegistryProgress(registry, instance.id(), next);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, unrecorded("registered", e), e);
      return next;
    }
  }

  /**
   * Deregisters {@code id} when the JVM stops: Payara Micro stops on SIGTERM without undeploying,
   * so {@link InstanceHeartbeat}'s {@code @PreDestroy} does not run then. It connects with the
   * settings' own data source, since the server's pool may already be closed.
   */
  private static void deregisterAtExit(String id) {
    InstanceRegistry direct =
        new InstanceRegistry(DeployedSettings.current().database().dataSource());
    exitHook =
        new Thread(
            () -> {
              try {
                direct.deregister(id);
              } catch (RuntimeException e) {
                // Nobody is left to tell: the row counts as gone after its timeout.
              }
            },
            "migochat-deregister-instance");
    Runtime.getRuntime().addShutdownHook(exitHook);
  }

  /** Records the outcome of this deployment's migration on its row. */
  public static synchronized void migrated(Supplier<String> outcome) {
    if (instance != null) {
      try {
        registry.progress(instance.id(), outcome.get());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, unrecorded("given its migration's outcome", e), e);
      }
    }
  }

  /** Records that this instance is alive. */
  static synchronized void heartbeat() {
    if (instance != null) {
      try {
        registry.heartbeat(instance);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, unrecorded("kept alive", e), e);
      }
    }
  }

  /** Removes this instance from the registry: it stops cleanly. */
  static synchronized void deregister() {
    if (instance != null) {
      try {
        registry.deregister(instance.id());
        LOG.info("Deregistered instance " + instance.id());
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            unrecorded("deregistered (it will count as gone after its timeout)", e),
            e);
      }
      instance = null;
    }
    if (exitHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(exitHook);
      } catch (IllegalStateException e) {
        // The JVM is stopping: the hook runs as well, and finds the row gone.
      }
      exitHook = null;
    }
  }

  /** This instance's id, once it is registered. */
  public static synchronized Optional<String> id() {
    return Optional.ofNullable(instance).map(InstanceRecord::id);
  }

  private static String unrecorded(String what, RuntimeException e) {
    return "This instance could not be "
        + what
        + " in the instance registry: "
        + e.getMessage()
        + ". Other instances' compatibility checks and consoles do not see it meanwhile";
  }
}
