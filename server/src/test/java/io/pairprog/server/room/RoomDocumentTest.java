package io.pairprog.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.store.Authorship;
import io.pairprog.server.store.ClientBindingStore;
import io.pairprog.server.store.CommitBatch;
import io.pairprog.server.store.Database;
import io.pairprog.server.store.DatabaseUrl;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.OperationLog;
import io.pairprog.server.store.RoomRecord;
import io.pairprog.server.store.RoomStore;
import io.pairprog.server.support.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authority of a room without a single connection: operations in, pending edits and texts out, as
 * ot.js's {@code Server} is tested. Commits are driven by hand; the store behind is a real embedded one.
 */
class RoomDocumentTest {
    private Database database;
    private RoomRecord record;
    private final List<PendingEdit> queued = new ArrayList<>();
    private RoomDocument document;

    @BeforeEach
    void aRoomHoldingAbc() {
        database = new Database(DatabaseUrl.embedded(TestDatabases.freshDataDir()), 2);
        database.start();
        RoomStore rooms = new RoomStore(database);
        RoomRecord created = rooms.create("python");
        CommitBatch batch = new CommitBatch(Instant.now());
        batch.add(created.id(), List.of(logged(1, "seed", 1, TextOperation.builder().insert("abc").build())), "abc");
        batch.store(database);
        record = rooms.find(created.id()).orElseThrow();
        document = open(new RoomLimits(100, 100, 1 << 20));
    }

    @AfterEach
    void close() {
        database.stop();
    }

    private RoomDocument open(RoomLimits limits) {
        OperationLog log = new OperationLog(database);
        return new RoomDocument(null, record, Map.of(), limits, RoomStorage.of(new RoomStore(database), log,
                new ClientBindingStore(database)), queued::add, new ProjectSize(record.code().length(), Long.MAX_VALUE));
    }

    @Test
    void editsMadeOnTheSameRevisionAreTransformedPastEachOtherAndCommittedInOrder() {
        assertThat(finish("ada", 1, 1, TextOperation.builder().insert("X").retain(3).build())).isNull();
        assertThat(finish("bob", 1, 1, TextOperation.builder().retain(3).insert("Y").build())).isNull();
        assertThat(document.revision()).isEqualTo(3);
        assertThat(queued).extracting(edit -> edit.textAfter()).containsExactly("Xabc", "XabcY");
        assertThat(document.durableText()).as("nothing is durable before its commit").isEqualTo("abc");

        document.committed(List.copyOf(queued));
        assertThat(document.durableText()).isEqualTo("XabcY");
        assertThat(document.durableRevision()).isEqualTo(3);
        assertThat(document.hasPending()).isFalse();
        assertThat(document.progressOf("bob").clientSeq()).isEqualTo(1);
    }

    @Test
    void aFailedCommitRollsEveryPendingEditBackAndVoidsItsEpoch() {
        finish("ada", 1, 1, TextOperation.builder().insert("X").retain(3).build());
        finish("ada", 2, 2, TextOperation.builder().retain(4).insert("Z").build());
        List<PendingEdit> voided = document.rollBack();
        assertThat(voided).hasSize(2);
        assertThat(voided).noneMatch(document::isCurrent);
        assertThat(document.revision()).isEqualTo(1);
        assertThat(document.progressOf("ada")).isNull();
        // The sender resends from the durable revision: the same edit is welcome again.
        assertThat(finish("ada", 1, 1, TextOperation.builder().insert("X").retain(3).build())).isNull();
        assertThat(queued.get(queued.size() - 1).textAfter()).isEqualTo("Xabc");
    }

    @Test
    void editsThatLostARaceAreTransformedPastTheWinnersOperationsAndQueuedAgain() {
        finish("ada", 1, 1, TextOperation.builder().insert("X").retain(3).build());
        // Another server stored revision 2 first: "abc" -> "abc!".
        LoggedOperation theirs = logged(2, "far", 1, TextOperation.builder().retain(3).insert("!").build());
        CommitBatch batch = new CommitBatch(Instant.now());
        batch.add(record.id(), List.of(theirs), "abc!");
        batch.store(database);

        List<LoggedOperation> foreign = document.foreignOperations();
        assertThat(foreign).extracting(LoggedOperation::revision).containsExactly(2L);
        List<PendingEdit> voided = document.rollBack();
        document.adopt(foreign);
        List<PendingEdit> again = document.requeue(voided, foreign);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).operation().revision()).isEqualTo(3);
        assertThat(again.get(0).rebases()).isEqualTo(1);
        assertThat(again.get(0).textAfter()).isEqualTo("Xabc!");
        assertThat(document.durableText()).isEqualTo("abc!");
    }

    @Test
    void editsThatDoNotFitOrWouldOverflowAreRefusedAndChangeNothing() {
        assertThat(finish("ada", 1, 1, TextOperation.builder().insert("X").retain(4).build()).code())
                .isEqualTo(ErrorCode.INVALID_OPERATION);
        assertThat(finish("ada", 1, 1, TextOperation.builder().insert("a\0b").retain(3).build()).code())
                .isEqualTo(ErrorCode.INVALID_OPERATION);
        assertThat(finish("ada", 1, 1, TextOperation.builder().insert("x".repeat(98)).retain(3).build()).code())
                .isEqualTo(ErrorCode.DOCUMENT_TOO_LARGE);
        RoomDocument small = open(new RoomLimits(1 << 20, 100, 100));
        assertThat(small.finish(new IncomingEdit(TextOperation.builder().insert("y".repeat(200)).retain(3).build(), 1),
                "op", "ada", 1, Authorship.UNKNOWN, null, null).code()).isEqualTo(ErrorCode.STORAGE_QUOTA_EXCEEDED);
        assertThat(queued).isEmpty();
        assertThat(document.revision()).isEqualTo(1);
    }

    private Refusal finish(String clientId, long clientSeq, long base, TextOperation op) {
        return document.finish(new IncomingEdit(op, base), "op", clientId, clientSeq, Authorship.UNKNOWN, null, null);
    }

    private static LoggedOperation logged(long revision, String clientId, long clientSeq, TextOperation op) {
        return new LoggedOperation(revision, clientId, clientSeq, op, Instant.now(), Authorship.UNKNOWN);
    }
}
