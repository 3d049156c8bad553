package io.pairprog.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.TextOperation;
import io.pairprog.server.store.Authorship;
import io.pairprog.server.store.LoggedOperation;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class KeptOperationTest {
    private static final String ALPHABET = "ab \n\t\"\\\u00e9\u4e2d\ud83d\ude00{}";

    @RepeatedTest(50)
    void aRandomOperationReadsBackEqualToWhatWasKept(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        LoggedOperation op = new LoggedOperation(random.nextInt(1_000_000) + 1, "client-" + random.nextInt(),
                random.nextInt(1000), randomOperation(random),
                Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)),
                new Authorship("Ada", "#336699", random.nextBoolean() ? null : 7L));

        assertThat(KeptOperation.of(op).inflate()).isEqualTo(op);
    }

    @Test
    void keepsTimesBefore1970AndTheirNanoseconds() {
        Instant at = Instant.parse("1969-12-31T23:59:59.123456789Z");
        LoggedOperation op = new LoggedOperation(1, "c", 1, TextOperation.builder().insert("x").build(), at,
                Authorship.UNKNOWN);

        assertThat(KeptOperation.of(op).inflate().createdAt()).isEqualTo(at);
    }

    @Test
    void sharesTheClientIdAndAuthorshipItWasGivenInsteadOfCopies() {
        Authorship author = new Authorship("Ada", "#336699", null);
        String clientId = new String("client-1");
        LoggedOperation op = new LoggedOperation(3, clientId, 2, TextOperation.builder().retain(2).delete(1).build(),
                Instant.now(), author);

        LoggedOperation back = KeptOperation.of(op).inflate();

        assertThat(back.clientId()).isSameAs(clientId);
        assertThat(back.author()).isSameAs(author);
    }

    private static TextOperation randomOperation(Random random) {
        TextOperation.Builder op = TextOperation.builder();
        int parts = 1 + random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(3)) {
                case 0 -> op.retain(1 + random.nextInt(Integer.MAX_VALUE / 8));
                case 1 -> op.delete(1 + random.nextInt(1000));
                default -> {
                    StringBuilder text = new StringBuilder();
                    for (int c = 0, n = 1 + random.nextInt(8); c < n; c++) {
                        int at = random.nextInt(ALPHABET.length() - 1);
                        text.append(Character.isHighSurrogate(ALPHABET.charAt(at))
                                ? ALPHABET.substring(at, at + 2) : String.valueOf(ALPHABET.charAt(at)));
                    }
                    op.insert(text.toString());
                }
            }
        }
        return op.build();
    }
}
