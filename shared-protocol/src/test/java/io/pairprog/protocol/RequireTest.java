package io.pairprog.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequireTest {
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Test
    void aClientIdIsAcceptedExactlyWhenItMatchesTheDocumentedPattern() {
        Random random = new Random(42);
        String alphabet = "aZz09_-AM. /\u00e9\u0000\u007f\u2028\ud83d\ude00:@[`{";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(4) == 0 ? 60 + random.nextInt(8) : random.nextInt(8);
            boolean plain = random.nextBoolean();
            for (int j = 0; j < length; j++) {
                id.append(plain ? alphabet.charAt(random.nextInt(7)) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = id.toString();
            boolean accepted;
            try {
                Require.clientId("op", "clientId", value);
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertEquals(CLIENT_ID.matcher(value).matches(), accepted, () -> "client id \"" + value + "\"");
        }
    }
}
