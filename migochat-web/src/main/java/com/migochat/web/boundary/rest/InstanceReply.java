package com.migochat.web.boundary.rest;

import com.migochat.runner.instance.InstanceState;

/**
 * One registered instance as JSON: its release, host and heartbeat, whether it is alive, its
 * migration's progress and what its persistence unit maps.
 *
 * @param id the instance's id (new at every start)
 * @param version the application version it runs
 * @param changeLogHead the last changeset of the changelog it was built with
 * @param host its host
 * @param pid its process id
 * @param started when it registered (database clock)
 * @param heartbeat its last heartbeat (database clock)
 * @param heartbeatAgeSeconds how long ago that was
 * @param alive whether that is within its timeout
 * @param progress its migration's progress or outcome; empty when none
 * @param mapping the tables and columns it maps, as {@code table(column,...);...}
 * @param self whether it is the instance that answers
 */
public record InstanceReply(
    String id,
    String version,
    String changeLogHead,
    String host,
    long pid,
    String started,
    String heartbeat,
    long heartbeatAgeSeconds,
    boolean alive,
    String progress,
    String mapping,
    boolean self) {

  static InstanceReply of(InstanceState state, String selfId) {
    return new InstanceReply(
        state.instance().id(),
        state.instance().release().version(),
        state.instance().release().changeLogHead(),
        state.instance().host(),
        state.instance().pid(),
        state.started().toString(),
        state.heartbeat().toString(),
        state.heartbeatAge().toSeconds(),
        state.alive(),
        state.progress(),
        state.instance().mapping().toString(),
        state.instance().id().equals(selfId));
  }
}
