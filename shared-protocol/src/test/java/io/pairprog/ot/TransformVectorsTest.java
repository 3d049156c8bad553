package io.pairprog.ot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays {@code transform-vectors.json}, the cases the browser client replays too, so the Java
 * and JavaScript {@code transform} provably agree. Each entry is
 * {@code {doc, a, b, aPrime, bPrime, result}} with operations in wire form; {@code a} and
 * {@code b} are already normalised, so expected and actual arrays compare element by element.
 */
class TransformVectorsTest {

    @Test
    void everyVectorTransformsAsRecorded() throws IOException {
        List<Map<String, Object>> vectors = load();
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(40);
        for (int i = 0; i < vectors.size(); i++) {
            Map<String, Object> v = vectors.get(i);
            String why = "vector " + i + " " + v;
            assertThat(v).as(why).containsOnlyKeys("doc", "a", "b", "aPrime", "bPrime", "result");
            String doc = (String) v.get("doc");
            TextOperation a = TextOperation.fromWire((List<?>) v.get("a"));
            TextOperation b = TextOperation.fromWire((List<?>) v.get("b"));
            assertThat(a.toWire()).as(why + ": a is normalised").isEqualTo(v.get("a"));
            assertThat(b.toWire()).as(why + ": b is normalised").isEqualTo(v.get("b"));

            TextOperation.Transformed t = TextOperation.transform(a, b);
            assertThat(t.aPrime().toWire()).as(why).isEqualTo(v.get("aPrime"));
            assertThat(t.bPrime().toWire()).as(why).isEqualTo(v.get("bPrime"));
            assertThat(t.bPrime().apply(a.apply(doc))).as(why).isEqualTo(v.get("result"));
            assertThat(t.aPrime().apply(b.apply(doc))).as(why).isEqualTo(v.get("result"));
        }
    }

    @Test
    void vectorsCoverTheAwkwardCases() throws IOException {
        List<Map<String, Object>> vectors = load();
        assertThat(vectors).anySatisfy(v -> assertThat((String) v.get("doc")).contains("\r\n"));
        assertThat(vectors).anySatisfy(v -> assertThat(((String) v.get("doc")).codePoints())
                .anyMatch(Character::isSupplementaryCodePoint));
        assertThat(vectors).anySatisfy(v -> assertThat((String) v.get("doc")).isEmpty());
    }

    private static List<Map<String, Object>> load() throws IOException {
        try (InputStream in = TransformVectorsTest.class.getResourceAsStream("transform-vectors.json")) {
            assertThat(in).as("transform-vectors.json on the test classpath").isNotNull();
            return new ObjectMapper().readValue(in, new TypeReference<>() { });
        }
    }
}
