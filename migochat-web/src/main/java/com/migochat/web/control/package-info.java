/**
 * The control layer: what the boundaries call, each feature in its package. Nothing here knows
 * HTTP, Faces or who asked; nothing here calls a boundary.
 */
package com.migochat.web.control;
