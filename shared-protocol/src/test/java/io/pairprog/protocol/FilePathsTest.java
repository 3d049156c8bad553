package io.pairprog.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The path rules as laws: what is accepted is a path every system reads alike, already in its only spelling. */
class FilePathsTest {
    private static final String ALPHABET = "ab./\\\u0000\n :*?\"<>|C-_\u00e9\ud83d\ude00\ud83d";

    @Test
    void pathsPeopleUseAreAccepted() {
        for (String path : new String[] {"main.py", "src/app/main.py", ".gitignore", "docs/a b/read me.md",
            "caf\u00e9/\ud83d\ude00.txt", "a".repeat(255), "x/".repeat(15) + "y", ".github/workflows/ci.yml"}) {
            assertThat(FilePaths.check(path)).as(path).isEmpty();
        }
    }

    @Test
    void everyAcceptedPathKeepsTheLawsAndEveryRefusedOneSaysWhyWithAPathCode() {
        Random random = new Random(Long.getLong("pairprog.seed", 21));
        for (int i = 0; i < 200_000; i++) {
            StringBuilder path = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                path.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String p = path.toString();
            var refused = FilePaths.check(p);
            if (refused.isEmpty()) {
                String[] names = p.split("/", -1);
                assertThat(p).isNotEmpty().doesNotStartWith("/").doesNotContain("\\").doesNotContain("\u0000")
                        .doesNotContain("\n").doesNotContain(":");
                assertThat(names).allSatisfy(name -> assertThat(name).isNotEmpty().isNotIn(".", "..")
                        .doesNotEndWith(".").doesNotEndWith(" "));
                assertThat(names.length).isLessThanOrEqualTo(FilePaths.MAX_DEPTH);
                assertThat(Arrays.stream(names).allMatch(n -> n.length() <= FilePaths.MAX_NAME_LENGTH)).isTrue();
                assertThat(p.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
            } else {
                assertThat(refused.get().code().name()).startsWith("PATH_");
                assertThat(refused.get().getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void eachRuleHasItsCode() {
        assertThat(FilePaths.check("/etc/passwd").orElseThrow().code()).isEqualTo(ErrorCode.PATH_NOT_RELATIVE);
        assertThat(FilePaths.check("C:/x").orElseThrow().code()).isEqualTo(ErrorCode.PATH_NOT_RELATIVE);
        assertThat(FilePaths.check("a/../b").orElseThrow().code()).isEqualTo(ErrorCode.PATH_TRAVERSAL);
        assertThat(FilePaths.check("a\\b").orElseThrow().code()).isEqualTo(ErrorCode.PATH_BAD_CHARACTER);
        assertThat(FilePaths.check("a\u0007").orElseThrow().code()).isEqualTo(ErrorCode.PATH_BAD_CHARACTER);
        assertThat(FilePaths.check("x".repeat(513)).orElseThrow().code()).isEqualTo(ErrorCode.PATH_TOO_LONG);
        assertThat(FilePaths.check("a/".repeat(16) + "b").orElseThrow().code()).isEqualTo(ErrorCode.PATH_TOO_DEEP);
    }

    @Test
    void languagesFollowExtensionsAndTheRoomsLanguageIsTheDefault() {
        assertThat(FileTypes.languageOf("src/App.TSX", "python")).isEqualTo("typescript");
        assertThat(FileTypes.languageOf("Makefile", "go")).isEqualTo("go");
        assertThat(FileTypes.languageOf(".bashrc", "java")).isEqualTo("java");
        assertThat(FileTypes.mainFileName("java")).isEqualTo("Main.java");
    }
}
