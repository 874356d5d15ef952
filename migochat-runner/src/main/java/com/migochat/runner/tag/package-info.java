/** {@code tag}: naming the current state of the history, so a downgrade can return to it. */
package com.migochat.runner.tag;
