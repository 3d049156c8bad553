package io.pairprog.benchmarks;

import io.pairprog.ot.TextOperation;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The OT core on the operations the server and every client run per keystroke: {@code apply},
 * {@code transform} and {@code compose}, on a small document (1,000 characters) and on the largest a
 * room may hold (1 Mi characters). A keystroke is a one-character insert (or a delete) at a random
 * position, so an operation is {@code [retain, insert, retain]}: {@code transform} and {@code compose}
 * walk three components whatever the document's size, while {@code apply} copies the whole text.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TextOperationBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TextOperationBenchmark {
    private static final int TYPED = 100;

    @Param({"1000", "1048576"})
    int documentChars;

    private String document;
    private TextOperation insert;
    private TextOperation concurrentInsert;
    private TextOperation concurrentDelete;
    private TextOperation nextInsert;
    private TextOperation[] typing;
    private List<Object> wire;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(documentChars);
        for (int i = 0; i < documentChars; i++) {
            text.append(i % 61 == 60 ? '\n' : (char) ('a' + random.nextInt(26)));
        }
        document = text.toString();
        insert = insertAt(documentChars, random.nextInt(documentChars + 1), "x");
        concurrentInsert = insertAt(documentChars, random.nextInt(documentChars + 1), "y");
        int from = random.nextInt(documentChars - 5);
        concurrentDelete = TextOperation.builder().retain(from).delete(5).retain(documentChars - from - 5).build();
        nextInsert = insertAt(documentChars + 1, random.nextInt(documentChars + 2), "z");
        // A word typed one character at a time, as a buffer fills while an edit is in flight.
        typing = new TextOperation[TYPED];
        int at = random.nextInt(documentChars);
        for (int i = 0; i < TYPED; i++) {
            typing[i] = insertAt(documentChars + i, at + i, String.valueOf((char) ('a' + i % 26)));
        }
        wire = insert.toWire();
    }

    private static TextOperation insertAt(int length, int at, String text) {
        return TextOperation.builder().retain(at).insert(text).retain(length - at).build();
    }

    /** One keystroke applied to the text: a copy of the whole document. */
    @Benchmark
    public String applyInsert() {
        return insert.apply(document);
    }

    @Benchmark
    public String applyDelete() {
        return concurrentDelete.apply(document);
    }

    /** The server's per-edit step for a client one revision behind. */
    @Benchmark
    public TextOperation.Transformed transformInsertInsert() {
        return TextOperation.transform(insert, concurrentInsert);
    }

    @Benchmark
    public TextOperation.Transformed transformInsertDelete() {
        return TextOperation.transform(insert, concurrentDelete);
    }

    /** A client composing a second keystroke into its buffer. */
    @Benchmark
    public TextOperation composeTwo() {
        return insert.compose(nextInsert);
    }

    /** A buffer absorbing {@value #TYPED} keystrokes typed while one edit is in flight. */
    @Benchmark
    public TextOperation composeTyping100() {
        TextOperation buffer = typing[0];
        for (int i = 1; i < TYPED; i++) {
            buffer = buffer.compose(typing[i]);
        }
        return buffer;
    }

    /** The operation's wire form, as the codec reads and writes it. */
    @Benchmark
    public List<Object> toWire() {
        return insert.toWire();
    }

    @Benchmark
    public TextOperation fromWire() {
        return TextOperation.fromWire(wire);
    }
}
