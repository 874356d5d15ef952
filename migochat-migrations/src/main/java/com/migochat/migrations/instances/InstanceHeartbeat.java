package com.migochat.migrations.instances;

import com.migochat.migrations.config.DeployedSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.time.Duration;

/**
 * Keeps this instance's registry row alive every {@code migochat.instances.heartbeat}, and removes
 * it when the application stops cleanly (undeploy, server shutdown). The row was written before the
 * migration, by whichever adapter migrated.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class InstanceHeartbeat {

  @Resource private TimerService timers;

  @PostConstruct
  void start() {
    Duration every;
    try {
      every = DeployedSettings.current().instances().heartbeat();
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Unreadable settings failed the migration, which reported them; nothing was registered.
      return;
    }
    timers.createIntervalTimer(
        every.toMillis(), every.toMillis(), new TimerConfig("instance heartbeat", false));
  }

  @Timeout
  void beat() {
    DeployedInstance.heartbeat();
  }

  @PreDestroy
  void stop() {
    DeployedInstance.deregister();
  }
}
