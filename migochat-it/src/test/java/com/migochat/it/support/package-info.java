/**
 * What the system tests share: where the built artifacts are, the Arquillian deployment and the
 * port and throwaway database of Arquillian's Payara Micro, the settings a Payara Micro started as
 * a process gets (the launcher itself is migochat-testkit's), an HTTP client with the admin login,
 * and headless Chromium driven through Selenium with Debian's chromedriver.
 */
package com.migochat.it.support;
