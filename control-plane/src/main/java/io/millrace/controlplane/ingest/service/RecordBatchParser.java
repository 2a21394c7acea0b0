package io.millrace.controlplane.ingest.service;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body → its records as compact JSON text, all or nothing: the first malformed record fails the whole
 * body with its line and column, so a request is never half-written. Every record must be a JSON object, because
 * that is what an http-source (format json, like kafka-source) accepts; anything else would only become a dead
 * letter later, far from the caller who could fix it.
 */
public final class RecordBatchParser {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private final long maxRecordSize;

    public RecordBatchParser(long maxRecordSize) {
        this.maxRecordSize = maxRecordSize;
    }

    public List<String> parse(byte[] body, BodyFormat format) {
        List<String> records = switch (format) {
            case JSON -> parseJson(body);
            case NDJSON -> parseNdjson(body);
        };
        if (records.isEmpty()) {
            throw new IngestException(IngestException.Kind.INVALID, "the body holds no record: send a JSON object, an"
                    + " array of objects, or (application/x-ndjson) one object per line");
        }
        return records;
    }

    private List<String> parseJson(byte[] body) {
        List<String> records = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return records;
            }
            if (first == JsonToken.START_ARRAY) {
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw new IngestException(IngestException.Kind.INVALID, "malformed JSON: the array is not"
                                + " closed (missing ']' at the end of the body)");
                    }
                    records.add(record(parser, records.size() + 1));
                }
            } else {
                records.add(record(parser, 1));
            }
            if (parser.nextToken() != null) {
                throw malformed(parser.currentTokenLocation(), "unexpected data after the end of the JSON value;"
                        + " send one object or one array, or use application/x-ndjson for one object per line");
            }
            return records;
        } catch (JsonProcessingException e) {
            throw malformed(e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new IngestException(IngestException.Kind.INVALID, "the body could not be read: " + e.getMessage(), e);
        }
    }

    private List<String> parseNdjson(byte[] body) {
        List<String> records = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            try (JsonParser parser = mapper.createParser(line)) {
                parser.nextToken();
                String record = record(parser, records.size() + 1, lineNumber);
                if (parser.nextToken() != null) {
                    throw malformed(lineNumber, parser.currentTokenLocation().getColumnNr(),
                            "more than one JSON value on the line; NDJSON holds one object per line");
                }
                records.add(record);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw malformed(lineNumber, at == null ? -1 : at.getColumnNr(), e.getOriginalMessage());
            } catch (IOException e) {
                throw new IngestException(IngestException.Kind.INVALID, "line " + lineNumber + " could not be read: "
                        + e.getMessage(), e);
            }
        }
        return records;
    }

    private String record(JsonParser parser, int index) throws IOException {
        return record(parser, index, -1);
    }

    /** Reads the value at the parser's current token as record {@code index}; {@code line} overrides the parser's. */
    private String record(JsonParser parser, int index, int line) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int lineNumber = line > 0 ? line : at.getLineNr();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw malformed(lineNumber, at.getColumnNr(), "record " + index + " is "
                    + describe(parser.currentToken()) + "; each record must be a JSON object like {\"field\": 1}");
        }
        JsonNode node = mapper.readTree(parser);
        String json = mapper.writeValueAsString(node);
        long size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxRecordSize) {
            throw new IngestException(IngestException.Kind.TOO_LARGE, "record " + index + " (line " + lineNumber
                    + ") is " + size + " bytes, over the limit of " + maxRecordSize
                    + " bytes (millrace.ingest.max-record-size); split it or send the large part elsewhere");
        }
        return json;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "not a JSON object";
        };
    }

    private static IngestException malformed(JsonLocation at, String why) {
        return at == null ? new IngestException(IngestException.Kind.INVALID, "malformed JSON: " + why)
                : malformed(at.getLineNr(), at.getColumnNr(), why);
    }

    private static IngestException malformed(int line, int column, String why) {
        return new IngestException(IngestException.Kind.INVALID, "malformed JSON at line " + line
                + (column > 0 ? ", column " + column : "") + ": " + why + "; nothing was written");
    }
}
