/**
 * The EAR, unchanged, on the Jakarta EE servers, started and stopped by the tests: one contract of
 * assertions ({@code EarDeploymentContract}) and, per server, how to start it and deploy on it.
 */
package com.migochat.it.server;
