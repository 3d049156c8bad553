package io.pairprog.server.room;

/** Where a room hands an edit it has applied in memory, to be stored and then acknowledged. */
interface CommitSink {
    void submit(PendingEdit edit);
}
