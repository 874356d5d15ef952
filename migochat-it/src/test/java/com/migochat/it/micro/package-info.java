/** The Micro WAR on Payara Micro: migration before JPA, the admin page, failures, redeploys. */
package com.migochat.it.micro;
