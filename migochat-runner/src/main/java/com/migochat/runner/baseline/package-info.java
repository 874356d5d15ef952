/**
 * {@code baseline}: putting a database built without migrations under the changelog, once its
 * schema is proven to be the changelog's.
 */
package com.migochat.runner.baseline;
