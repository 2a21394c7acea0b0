package io.millrace.spec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CelExpressionCompilerTest {

  static final CelExpressionCompiler COMPILER = new CelExpressionCompiler();

  static final RecordType ORDER = RecordType.of(fields(
      "amount", FieldType.INT, "text", FieldType.STRING, "price", FieldType.DOUBLE,
      "at", FieldType.TIMESTAMP, "tags", FieldType.LIST, "attrs", FieldType.MAP));

  static Map<String, FieldType> fields(Object... pairs) {
    Map<String, FieldType> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (FieldType) pairs[i + 1]);
    }
    return map;
  }

  static ExpressionError onlyError(CompileResult result) {
    assertThat(result).isInstanceOf(CompileResult.Failed.class);
    List<ExpressionError> errors = ((CompileResult.Failed) result).errors();
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  static ExpressionError firstError(CompileResult result) {
    assertThat(result).isInstanceOf(CompileResult.Failed.class);
    return ((CompileResult.Failed) result).errors().get(0);
  }

  @Test
  void aRecompiledExpressionIsTheCachedResultOnlyForTheSameScopeAndKind() {
    CelExpressionCompiler compiler = new CelExpressionCompiler();
    CompileResult first = compiler.compile("value.amount > 10", ORDER, ExpressionKind.PREDICATE);
    assertThat(compiler.compile("value.amount > 10", ORDER, ExpressionKind.PREDICATE)).isSameAs(first);
    // The same text against another schema is checked again: there it is an error.
    RecordType renamed = RecordType.of(fields("amt", FieldType.INT));
    assertThat(onlyError(compiler.compile("value.amount > 10", renamed, ExpressionKind.PREDICATE)).message())
        .contains("no field 'amount'");
    assertThat(compiler.compile("value.amount > 10", ORDER, ExpressionKind.VALUE)).isNotSameAs(first);
  }

  @Test
  void undeclaredFieldOfTypedRecordIsLocatedOnTheFieldNameWithDidYouMean() {
    ExpressionError error = onlyError(COMPILER.compile("value.amout > 1", ORDER, ExpressionKind.PREDICATE));

    assertThat(error).isEqualTo(new ExpressionError(
        6, 1, 7, "'value' has no field 'amout'", "did you mean 'amount'?"));
  }

  @Test
  void variablesOfTheSameRecordTypeShareOneTypeSoTheyCanBeChosenBetween() {
    ExpressionScope reduce = ExpressionScope.empty().withRecord("acc", ORDER).withRecord("value", ORDER);

    assertThat(COMPILER.compile("acc.amount > value.amount ? acc : value", reduce, ExpressionKind.VALUE))
        .isInstanceOf(CompileResult.Compiled.class);
    assertThat(onlyError(COMPILER.compile("acc.amount > value.amout ? acc : value", reduce, ExpressionKind.VALUE)))
        .isEqualTo(new ExpressionError(19, 1, 20, "'value' has no field 'amout'", "did you mean 'amount'?"));
    // Different record types stay different types.
    ExpressionScope join = ExpressionScope.empty().withRecord("left", ORDER)
        .withRecord("right", RecordType.of(Map.of("amount", FieldType.INT)));
    assertThat(COMPILER.compile("true ? left : right", join, ExpressionKind.VALUE)).isInstanceOf(CompileResult.Failed.class);
  }

  @Test
  void errorOnSecondLineHasLineAndColumnInsideTheExpression() {
    String text = "value.amount > 1 &&\n  value.txet == 'a'";

    ExpressionError error = onlyError(COMPILER.compile(text, ORDER, ExpressionKind.PREDICATE));

    assertThat(error.offset()).isEqualTo(28);
    assertThat(text.substring(error.offset())).startsWith("txet");
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.column()).isEqualTo(9);
    assertThat(error.hint()).isEqualTo("did you mean 'text'?");
  }

  @Test
  void fieldWithNothingCloseListsTheDeclaredFields() {
    ExpressionError error = onlyError(COMPILER.compile("value.zzzzzz == 1", ORDER, ExpressionKind.PREDICATE));

    assertThat(error.hint()).isEqualTo(
        "declared fields: amount, text, price, at, tags, attrs (add the field to the source's"
            + " schema to use it)");
  }

  @Test
  void columnsCountCodePointsAndOffsetsCountJavaChars() {
    // '😀' is two Java chars but one column.
    String text = "'😀' == value.amout";

    ExpressionError error = firstError(COMPILER.compile(text, ORDER, ExpressionKind.PREDICATE));

    assertThat(text.substring(error.offset())).isEqualTo("amout");
    // 14 UTF-16 chars precede the field, but only 13 code points: column 14 (one-based).
    assertThat(error.offset()).isEqualTo(14);
    assertThat(error.column()).isEqualTo(14);
  }

  @Test
  void syntaxErrorAtTheEnd() {
    ExpressionError error = onlyError(COMPILER.compile("value.amount >", ORDER, ExpressionKind.PREDICATE));

    assertThat(error.offset()).isEqualTo(14);
    assertThat(error.line()).isEqualTo(1);
    assertThat(error.column()).isEqualTo(15);
    assertThat(error.message()).isEqualTo("syntax error: mismatched input '<EOF>'");
    assertThat(error.hint()).contains("missing operand");
  }

  @Test
  void unknownVariableSuggestsTheClosestVariable() {
    ExpressionError error = onlyError(COMPILER.compile("valu.amount > 1", ORDER, ExpressionKind.PREDICATE));

    assertThat(error).isEqualTo(new ExpressionError(
        0, 1, 1, "unknown name 'valu'", "did you mean 'value'?"));
  }

  @Test
  void unknownNameFarFromAnythingListsTheVariablesInScope() {
    ExpressionError error = onlyError(COMPILER.compile("size(zzz) > 1", ORDER, ExpressionKind.PREDICATE));

    assertThat(error.offset()).isEqualTo(5);
    assertThat(error.hint()).startsWith("variables here: value, key, timestamp");
  }

  @Test
  void unknownMemberFunctionIsLocatedOnItsNameWithDidYouMean() {
    ExpressionError error =
        onlyError(COMPILER.compile("value.text.lowerAsci() == 'a'", ORDER, ExpressionKind.PREDICATE));

    assertThat(error).isEqualTo(new ExpressionError(
        11, 1, 12, "unknown function 'lowerAsci'", "did you mean 'lowerAscii'?"));
  }

  @Test
  void operatorOnMismatchedTypesPointsAtTheOperator() {
    ExpressionError error = onlyError(COMPILER.compile("value.amount + 'x'", ORDER, ExpressionKind.VALUE));

    assertThat(error.offset()).isEqualTo(13);
    assertThat(error.message()).isEqualTo("operator '+' cannot be applied to (int, string)");
    assertThat(error.hint()).contains("int(...)");
  }

  @Test
  void functionWithWrongArgumentsListsWhatItAccepts() {
    ExpressionError error = onlyError(COMPILER.compile("size(value.amount)", ORDER, ExpressionKind.VALUE));

    assertThat(error.message()).isEqualTo("function 'size' cannot be applied to (int)");
    assertThat(error.hint()).isEqualTo("it accepts (string),(bytes),(list),(map)");
  }

  @Test
  void fieldOfAScalarIsRejected() {
    ExpressionError error = onlyError(COMPILER.compile("value.amount.cents", ORDER, ExpressionKind.VALUE));

    assertThat(error.offset()).isEqualTo(12);
    assertThat(error.message()).isEqualTo("a value of type int has no fields");
  }

  @Test
  void filterYieldingAStringIsATypeError() {
    ExpressionError error = onlyError(COMPILER.compile("  value.text", ORDER, ExpressionKind.PREDICATE));

    assertThat(error).isEqualTo(new ExpressionError(
        2, 1, 3, "a filter must yield a bool, but this expression yields string",
        "compare with == (or <, >, !=), or use has(value.field) to test presence"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "PREDICATE | value.amount > 1         | ",
      "PREDICATE | value.price               | a filter must yield a bool, but this expression yields double",
      "VALUE     | value.attrs               | ",
      "LIST      | value.text.split(' ')     | ",
      "LIST      | value.tags                | ",
      "LIST      | value.text                | a flat-map expression must yield a list, but this expression yields string",
      "KEY       | value.text                | ",
      "KEY       | [value.text, value.amount] | ",
      "KEY       | value.price               | a key must be a string, int, uint, bool, bytes or a list of these, but this expression yields double",
      "KEY       | value.attrs               | a key must be a string, int, uint, bool, bytes or a list of these, but this expression yields map(string, dyn)",
      "TIMESTAMP | value.at                  | ",
      "TIMESTAMP | value.amount              | ",
      "TIMESTAMP | value.text                | a timestamp expression must yield a timestamp or epoch milliseconds (int), but this expression yields string",
  })
  void eachKindChecksItsResultType(ExpressionKind kind, String expression, String expectedMessage) {
    CompileResult result = COMPILER.compile(expression, ORDER, kind);

    if (expectedMessage == null) {
      assertThat(result).isInstanceOf(CompileResult.Compiled.class);
      assertThat(((CompileResult.Compiled) result).expression().kind()).isEqualTo(kind);
    } else {
      assertThat(onlyError(result).message()).isEqualTo(expectedMessage);
      assertThat(onlyError(result).offset()).isZero();
    }
  }

  @Test
  void dynamicRecordAcceptsAnyFieldAndDefersTypesToRunTime() {
    CompileResult result =
        COMPILER.compile("value.whatever.deep > 3", RecordType.dynamicRecord(), ExpressionKind.PREDICATE);

    assertThat(result).isInstanceOf(CompileResult.Compiled.class);
  }

  @Test
  void scopeWithSeveralRecordsChecksEachAgainstItsOwnFields() {
    ExpressionScope join = ExpressionScope.empty()
        .withRecord("left", RecordType.of(fields("id", FieldType.STRING)))
        .withRecord("right", RecordType.of(fields("orderId", FieldType.STRING)));

    assertThat(COMPILER.compile("left.id == right.orderId", join, ExpressionKind.PREDICATE))
        .isInstanceOf(CompileResult.Compiled.class);
    ExpressionError error = onlyError(
        COMPILER.compile("left.id == right.orderid", join, ExpressionKind.PREDICATE));
    assertThat(error.message()).isEqualTo("'right' has no field 'orderid'");
    assertThat(error.hint()).isEqualTo("did you mean 'orderId'?");
    assertThat(error.offset()).isEqualTo(17);
  }

  @Test
  void emptyExpressionIsAnErrorWithAnExample() {
    ExpressionError error = onlyError(COMPILER.compile("   ", ORDER, ExpressionKind.LIST));

    assertThat(error.message()).isEqualTo("the expression is empty");
    assertThat(error.hint()).contains("value.text.split(' ')");
    assertThat(onlyError(COMPILER.compile(null, ORDER, ExpressionKind.LIST)).offset()).isZero();
  }

  @Test
  void tooDeeplyNestedExpressionIsRejectedAtCompileTime() {
    String deep = "(".repeat(100) + "1" + ")".repeat(100) + " > 0";

    ExpressionError error = firstError(COMPILER.compile(deep, ORDER, ExpressionKind.PREDICATE));

    assertThat(error.message()).isEqualTo("the expression is nested too deeply (limit 32 levels)");
  }

  @Test
  void tooLongExpressionIsRejectedAtCompileTime() {
    String longExpression = "1" + " + 1".repeat(2000);

    ExpressionError error = firstError(COMPILER.compile(longExpression, ORDER, ExpressionKind.VALUE));

    assertThat(error.message()).isEqualTo("the expression is too long (limit 4096 characters)");
  }

  @Test
  void tooManyNodesIsRejectedAtCompileTime() {
    var small = new CelExpressionCompiler(new ExpressionLimits(4096, 32, 10, 100, 100, 8, 1000));

    ExpressionError error = onlyError(small.compile("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]", ORDER, ExpressionKind.VALUE));

    assertThat(error.message()).isEqualTo(
        "the expression is too large: 12 nodes after macro expansion (limit 10)");
  }

  @Test
  void neverThrowsAndAlwaysLocatesErrorsInsideTheTextForRandomInput() {
    Random random = new Random(20240611L);
    String alphabet = "value.amounttext()[]{}'\"\\ +-*/%<>=!&|?:,0123456789\n\t😀.has size";
    String[] seeds = {"value.amount > 100", "value.text.split(' ')", "{'a': [1, 2.5, b'x']}",
        "has(value.tags) && value.tags.exists(t, t == 'x')", "timestamp('2020-01-01T00:00:00Z')"};
    for (int i = 0; i < 3000; i++) {
      String text;
      if (i % 2 == 0) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(40);
        for (int j = 0; j < length; j++) {
          sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
              random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        text = sb.toString();
      } else {
        StringBuilder sb = new StringBuilder(seeds[random.nextInt(seeds.length)]);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
          int at = random.nextInt(sb.length());
          switch (random.nextInt(3)) {
            case 0 -> sb.deleteCharAt(at);
            case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length() - 2)));
            default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length() - 2)));
          }
        }
        text = sb.toString();
      }
      ExpressionKind kind = ExpressionKind.values()[i % ExpressionKind.values().length];
      RecordType type = i % 3 == 0 ? RecordType.dynamicRecord() : ORDER;

      CompileResult result = COMPILER.compile(text, type, kind);

      if (result instanceof CompileResult.Failed failed) {
        assertThat(failed.errors()).as(text).isNotEmpty();
        for (ExpressionError error : failed.errors()) {
          assertThat(error.offset()).as(text).isBetween(0, text.length());
          assertThat(error.line()).as(text).isBetween(1, (int) text.lines().count() + 1);
          assertThat(error.column()).as(text).isPositive();
          assertThat(error.message()).as(text).isNotBlank();
        }
      } else {
        // Whatever compiled must also evaluate without throwing.
        EvalResult evaluated = ((CompileResult.Compiled) result).expression()
            .evaluate(Map.of("amount", 5L, "text", "a b"), "k", 0L);
        assertThat(evaluated).as(text).isNotNull();
      }
    }
  }
}
