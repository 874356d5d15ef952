/**
 * What the system tests share: where the built artifacts are, the Arquillian deployment, a Payara
 * Micro launched as a plain process, an HTTP client with the admin login, headless Chromium driven
 * through Selenium with Debian's chromedriver, and the throwaway database each Micro test class
 * runs on.
 */
package com.migochat.it.support;
