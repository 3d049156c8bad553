package io.pairprog.benchmarks;

import io.pairprog.server.autocomplete.Completion;
import io.pairprog.server.autocomplete.CompletionEngine;
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
 * The rule engine (no model) on a 2,000-line file with the cursor in the middle, which makes it scan the
 * whole file: the budget is 1 ms at the median. Each case is a line being typed at line 1,000:
 * a word ({@code tot}), a keyword that triggers a snippet ({@code for}), a member after a dot, and a
 * blank line (the placeholder; scanning stops at the cursor).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AutocompleteBenchmark -bm sample -tu us}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AutocompleteBenchmark {
    static final int LINES = 2_000;

    @Param({"python", "javascript", "java", "go"})
    public String language;

    private final CompletionEngine engine = CompletionEngine.rulesOnly();
    private Probe word;
    private Probe keyword;
    private Probe member;
    private Probe blank;

    /** A document with {@code line} typed at its middle, the cursor at the end of that line. */
    record Probe(String code, int cursor) {
        static Probe of(String before, String line, String after) {
            return new Probe(before + line + "\n" + after, before.length() + line.length());
        }
    }

    @Setup
    public void generate() {
        String[] half = {file(language, 0, LINES / 2), file(language, LINES / 2, LINES / 2)};
        String indent = language.equals("go") ? "\t" : "    ";
        word = Probe.of(half[0], indent + "tot", half[1]);
        keyword = Probe.of(half[0], indent + "for", half[1]);
        member = Probe.of(half[0], indent + (language.equals("python") ? "self.va" : "this.va"), half[1]);
        blank = Probe.of(half[0], indent, half[1]);
    }

    @Benchmark
    public Completion word() {
        return engine.complete(word.code(), word.cursor(), language, 10);
    }

    @Benchmark
    public Completion keyword() {
        return engine.complete(keyword.code(), keyword.cursor(), language, 10);
    }

    @Benchmark
    public Completion member() {
        return engine.complete(member.code(), member.cursor(), language, 10);
    }

    @Benchmark
    public Completion blankLine() {
        return engine.complete(blank.code(), blank.cursor(), language, 10);
    }

    /** {@code lines} lines of ordinary code: functions with loops, conditionals, strings and comments. */
    static String file(String language, int from, int lines) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = from; count < lines; i++) {
            for (String line : block(language, i).split("\n")) {
                if (count++ < lines) {
                    out.append(line).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String block(String language, int i) {
        String template = switch (language) {
            case "python" -> """
                    # helper number #: sums the "values" it is given
                    def compute_total_#(self, values, factor=#):
                        \"""Return the weighted total of values.\"""
                        total_# = 0
                        for item in values:
                            if item > # and self.valid(item):
                                total_# += item * factor
                        message = f"total #: {total_#}"
                        self.value_count = len(values) + #
                        return total_#
                    """;
            case "java" -> """
                    // helper number #: sums the "values" it is given
                    int computeTotal#(List<Integer> values, int factor) {
                        int total# = 0;
                        for (int item : values) {
                            if (item > # && this.valid(item)) {
                                total# += item * factor;
                            }
                        }
                        String message = "total #: " + total#;
                        this.valueCount = values.size() + #;
                        return total# + message.length();
                    }
                    """;
            case "go" -> """
                    // helper number #: sums the "values" it is given
                    func computeTotal#(values []int, factor int) int {
                    \ttotal# := 0
                    \tfor _, item := range values {
                    \t\tif item > # && valid(item) {
                    \t\t\ttotal# += item * factor
                    \t\t}
                    \t}
                    \tmessage := fmt.Sprintf("total #: %d", total#)
                    \treturn total# + len(message)
                    }
                    """;
            default -> """
                    // helper number #: sums the "values" it is given
                    function computeTotal#(values, factor = #) {
                        let total# = 0;
                        for (const item of values) {
                            if (item > # && this.valid(item)) {
                                total# += item * factor;
                            }
                        }
                        const message = `total #: ${total#}`;
                        this.valueCount = values.length + #;
                        return total# + message.length;
                    }
                    """;
        };
        return template.replace("#", String.valueOf(i));
    }
}
