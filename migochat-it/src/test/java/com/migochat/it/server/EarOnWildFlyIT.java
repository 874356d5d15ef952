package com.migochat.it.server;

import com.migochat.it.support.Artifacts;

/**
 * The EAR, unchanged, on WildFly 34 with {@code standalone-full.xml}, pointed at EclipseLink as the
 * README says. That configuration has MicroProfile Config but no MicroProfile Health or Metrics for
 * applications: no readiness to check.
 */
class EarOnWildFlyIT extends EarDeploymentContract {

  @Override
  EarServer newServer() {
    return new WildFlyServer(Artifacts.wildFlyHome(), Artifacts.eclipseLinkJar());
  }
}
