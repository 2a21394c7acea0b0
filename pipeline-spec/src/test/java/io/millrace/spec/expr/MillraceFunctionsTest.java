package io.millrace.spec.expr;

import static io.millrace.spec.expr.ExpressionEvaluationTest.failure;
import static io.millrace.spec.expr.ExpressionEvaluationTest.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every function of the documented library, evaluated on a small dynamic record. */
class MillraceFunctionsTest {

  static final Map<String, Object> RECORD = Map.of(
      "text", "  Hello World  ",
      "csv", "a,b,,c",
      "json", "{\"user\": {\"id\": 7, \"tags\": [\"x\", \"y\"]}, \"score\": 1.5, \"ok\": true, \"none\": null}",
      "at", Instant.parse("2024-03-01T10:15:30.250Z"),
      "ms", 1709288130250L,
      "wait", Duration.ofSeconds(90),
      "payload", new byte[] {1, 2, 3});

  static Object eval(String expression) {
    CompileResult result = ExpressionEvaluationTest.COMPILER.compile(
        expression, RecordType.dynamicRecord(), ExpressionKind.VALUE);
    assertThat(result).as(expression).isInstanceOf(CompileResult.Compiled.class);
    return ((CompileResult.Compiled) result).expression().evaluate(RECORD, null, 0) instanceof EvalResult.Value v
        ? v.value() : ((CompileResult.Compiled) result).expression().evaluate(RECORD, null, 0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      // CEL strings extension
      "value.csv.split(',')                        | [a, b, , c]",
      "value.csv.split(',', 2)                     | [a, b,,c]",
      "value.text.trim().lowerAscii()              | hello world",
      "value.text.trim().upperAscii()              | HELLO WORLD",
      "value.text.trim()                           | Hello World",
      "value.text.trim().replace('World', 'There') | Hello There",
      "value.text.trim().substring(6)              | World",
      "value.text.trim().substring(0, 5)           | Hello",
      "value.text.indexOf('World')                 | 8",
      "['a', 'b'].join('-')                        | a-b",
      // CEL standard library
      "value.text.contains('lo W')                 | true",
      "value.text.trim().startsWith('He')          | true",
      "value.text.trim().endsWith('ld')            | true",
      "value.text.matches('W[a-z]+')               | true",
      "size(value.csv)                             | 6",
      // CEL regex extension (RE2)
      "regex.extract(value.text, 'W(o)r').orValue('none')   | o",
      "regex.extract(value.text, 'zzz').orValue('none')     | none",
      "regex.extractAll('a1b22c333', '[0-9]+')              | [1, 22, 333]",
      "regex.replace('a1b22', '[0-9]+', '#')                | a#b#",
      // timestamps and durations
      "toEpochMillis(value.at)                     | 1709288130250",
      "value.at.toEpochMillis()                    | 1709288130250",
      "fromEpochMillis(value.ms) == value.at       | true",
      "value.wait.toMillis()                       | 90000",
      "(value.at + duration('1h')).getHours()      | 11",
      "value.at - duration('30m') < value.at       | true",
      "string(fromEpochMillis(0))                  | 1970-01-01T00:00:00Z",
      // JSON
      "json(value.json).user.id                    | 7",
      "json(value.json).user.tags[1]               | y",
      "json(value.json).score                      | 1.5",
      "json(value.json).ok                         | true",
      "json(value.json).none == null               | true",
      "json('[1, 2, 3]').size()                    | 3",
      "has(json(value.json).user.name)             | false",
      // hashing
      "sha256('abc')                               | ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "sha256(b'abc') == sha256('abc')             | true",
      "hash64('abc') == hash64(b'abc')             | true",
      "hash64('abc') != hash64('abd')              | true",
      // encoders and math extensions
      "base64.encode(b'hi')                        | aGk=",
      "math.greatest(3, 9, 4)                      | 9",
      "math.least([2.5, 1.5])                      | 1.5",
      "base64.decode(base64.encode(b'hi')) == b'hi'   | true",
  })
  void functionLibrary(String expression, String expected) {
    Object result = eval(expression);

    assertThat(result).as(expression).isNotInstanceOf(EvalResult.Failed.class);
    assertThat(String.valueOf(result)).isEqualTo(expected);
  }

  @Test
  void hash64IsStableHash() {
    assertThat(eval("hash64('user-42')")).isEqualTo(StableHash.hash64("user-42"));
    assertThat(eval("hash64(42)")).isEqualTo(StableHash.hash64(42L));
    assertThat(eval("hash64(value.payload)")).isEqualTo(StableHash.hash64(new byte[] {1, 2, 3}));
  }

  @Test
  void jsonFailuresAreEvaluationFailures() {
    assertThat(failure((EvalResult) eval("json('{\"a\": ').a"))).startsWith("json: invalid JSON");
    assertThat(failure((EvalResult) eval("json('{} {}')"))).isEqualTo("json: unexpected content after the JSON value");
    assertThat(failure((EvalResult) eval("json('" + "[".repeat(40) + "')"))).startsWith("json: invalid JSON");
    assertThat(eval("json('{\"big\": 123456789012345678901234567890}').big")).isInstanceOf(Double.class);
  }

  @Test
  void timestampHelpersRejectOutOfRangeValues() {
    assertThat(failure((EvalResult) eval("fromEpochMillis(9223372036854775807)"))).contains("outside years");
  }

  @Test
  void functionResultsAreRecordModelValues() {
    assertThat(eval("json(value.json).user")).isEqualTo(Map.of("id", 7L, "tags", List.of("x", "y")));
    assertThat((byte[]) eval("base64.decode('aGk=')")).containsExactly('h', 'i');
  }
}
