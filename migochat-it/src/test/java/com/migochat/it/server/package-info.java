/** The EAR on a full Payara Server 6, started and stopped by the test. */
package com.migochat.it.server;
