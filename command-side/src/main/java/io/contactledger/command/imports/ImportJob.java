package io.contactledger.command.imports;

import java.util.List;

import io.contactledger.events.ActorKind;

/** An import as stored: who asked for it, its columns, and how far it got. */
record ImportJob(String importId, String workspaceId, String actorId, ActorKind actorKind, boolean linksIds,
        List<String> columns, String status, int rows, int done, int created, int updated, int unchanged, int failed,
        long createdAt, Long finishedAt) {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String DONE = "done";
}
