package com.migochat.web.boundary.console;

import com.migochat.migrations.instances.DeployedInstance;
import com.migochat.migrations.startup.SchemaMigrator;
import com.migochat.runner.instance.InstanceState;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * The console's "Instances" section: every instance registered on this database, its release, host,
 * heartbeat age, whether it is alive and its migration's progress. Read once per request.
 */
@Named
@RequestScoped
public class InstancesView {

  @EJB SchemaMigrator schemaMigrator;

  private List<InstanceState> instances = List.of();
  private String problem;

  @PostConstruct
  void read() {
    try {
      instances = schemaMigrator.runner().instances().all();
    } catch (RuntimeException e) {
      problem = e.getMessage();
    }
  }

  public List<InstanceState> getInstances() {
    return instances;
  }

  /** Why the registry could not be read, or null. */
  public String getProblem() {
    return problem;
  }

  /** Whether {@code state} is the instance serving this page. */
  public boolean isSelf(InstanceState state) {
    return DeployedInstance.id().map(state.instance().id()::equals).orElse(false);
  }
}
