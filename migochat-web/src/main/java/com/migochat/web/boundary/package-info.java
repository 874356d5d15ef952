/**
 * The boundary layer: everything an operator, a script, Facebook or a probe talks to, each in its
 * feature's package. Boundaries translate HTTP, Faces and JSON into calls of the {@code control}
 * layer and the migration runner, and back; they hold no state of their own.
 */
package com.migochat.web.boundary;
