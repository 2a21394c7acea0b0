package io.millrace.controlplane.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordBatchParserTest {

    private final RecordBatchParser parser = new RecordBatchParser(100);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aJsonObjectOrAnArrayOfObjectsBecomesCompactRecords() {
        assertThat(parser.parse(utf8("{ \"a\" : 1 }"), BodyFormat.JSON)).containsExactly("{\"a\":1}");
        assertThat(parser.parse(utf8("[{\"a\":1},\n {\"b\":\"x\"}]"), BodyFormat.JSON))
                .containsExactly("{\"a\":1}", "{\"b\":\"x\"}");
    }

    @Test
    void ndjsonSkipsBlankLinesAndAcceptsCrLf() {
        assertThat(parser.parse(utf8("{\"a\":1}\r\n\n{\"a\":2}\n"), BodyFormat.NDJSON))
                .containsExactly("{\"a\":1}", "{\"a\":2}");
    }

    @Test
    void malformedNdjsonNamesTheLineAndColumn() {
        assertThatThrownBy(() -> parser.parse(utf8("{\"a\":1}\n{\"a\":}\n"), BodyFormat.NDJSON))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.INVALID))
                .hasMessageStartingWith("malformed JSON at line 2, column 6");
    }

    @Test
    void malformedJsonNamesTheLineAndColumnInTheBody() {
        assertThatThrownBy(() -> parser.parse(utf8("[{\"a\":1},\n  {\"a\" 2}]"), BodyFormat.JSON))
                .hasMessageStartingWith("malformed JSON at line 2, column 8");
    }

    @Test
    void recordsMustBeObjectsAndKeysUnique() {
        assertThatThrownBy(() -> parser.parse(utf8("[{\"a\":1}, \"text\"]"), BodyFormat.JSON))
                .hasMessageContaining("record 2 is a string");
        assertThatThrownBy(() -> parser.parse(utf8("{\"a\":1,\"a\":2}"), BodyFormat.JSON))
                .hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> parser.parse(utf8("{\"a\":1} {\"b\":2}"), BodyFormat.JSON))
                .hasMessageContaining("line 1, column 9");
        assertThatThrownBy(() -> parser.parse(utf8("[{\"a\":1}"), BodyFormat.JSON)).hasMessageContaining("JSON");
        assertThatThrownBy(() -> parser.parse(utf8("  "), BodyFormat.NDJSON)).hasMessageContaining("no record");
    }

    @Test
    void aRecordOverTheLimitIsTooLarge() {
        String big = "{\"a\":\"" + "x".repeat(120) + "\"}";
        assertThatThrownBy(() -> parser.parse(utf8("{\"a\":1}\n" + big), BodyFormat.NDJSON))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.TOO_LARGE))
                .hasMessageContaining("record 2 (line 2)");
    }
}
