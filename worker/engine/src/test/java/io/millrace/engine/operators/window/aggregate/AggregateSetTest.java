package io.millrace.engine.operators.window.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.engine.operators.RecordFailure;
import io.millrace.spec.expr.CelExpressionCompiler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AggregateSetTest {

  private static final List<Map<String, Object>> ALL = List.of(
      Map.of("name", "n", "fn", "count"),
      Map.of("name", "total", "fn", "sum", "field", "price"),
      Map.of("name", "mean", "fn", "avg", "field", "price"),
      Map.of("name", "low", "fn", "min", "field", "price"),
      Map.of("name", "high", "fn", "max", "field", "price"),
      Map.of("name", "firstId", "fn", "first", "field", "id"),
      Map.of("name", "lastRecord", "fn", "last"),
      Map.of("name", "best", "fn", "reduce", "expression", "acc.price >= value.price ? acc : value"));

  private static AggregateSet all() {
    return AggregateSet.fromSettings(ALL, new CelExpressionCompiler());
  }

  private static Map<String, Object> bid(long id, long price) {
    return Map.of("id", id, "price", price);
  }

  @Test
  void computesEveryFunction() throws RecordFailure {
    AggregateSet set = all();
    Object[] row = null;
    row = set.add(row, bid(1, 30), 1000);
    row = set.add(row, bid(2, 10), 900); // earlier event time, later arrival
    row = set.add(row, bid(3, 50), 1100);
    Map<String, Object> out = new LinkedHashMap<>();
    set.results(row, out);
    assertThat(out).containsEntry("n", 3L).containsEntry("total", 90L).containsEntry("mean", 30.0)
        .containsEntry("low", 10L).containsEntry("high", 50L).containsEntry("firstId", 2L)
        .containsEntry("lastRecord", bid(3, 50)).containsEntry("best", bid(3, 50));
  }

  @Test
  void emptyRowGivesZeroCountAndNulls() {
    Map<String, Object> out = new LinkedHashMap<>();
    all().results(null, out);
    assertThat(out.get("n")).isEqualTo(0L);
    assertThat(out.get("total")).isNull();
    assertThat(out.get("mean")).isNull();
  }

  /** Merging per-slice partial rows gives what adding all records to one row gives. */
  @Test
  void mergingSlicesEqualsOneRow() throws RecordFailure {
    AggregateSet set = all();
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      Object[] whole = null;
      Object[][] slices = new Object[4][];
      for (int i = 0; i < 40; i++) {
        long ts = random.nextInt(400);
        Map<String, Object> bid = bid(i, random.nextInt(1000));
        whole = set.add(whole, bid, ts);
        int slice = (int) (ts / 100);
        slices[slice] = set.add(slices[slice], bid, ts);
      }
      Object[] merged = null;
      for (Object[] slice : slices) {
        merged = set.merge(merged, slice);
      }
      Map<String, Object> expected = new LinkedHashMap<>();
      Map<String, Object> actual = new LinkedHashMap<>();
      set.results(whole, expected);
      set.results(merged, actual);
      // reduce keeps the first of equal prices in arrival order within a slice and slice order across,
      // so compare its price only; everything else must be identical.
      assertThat(((Map<?, ?>) actual.remove("best")).get("price")).isEqualTo(((Map<?, ?>) expected.remove("best")).get("price"));
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void sumSwitchesToDoubleAndFailsOnOverflow() throws RecordFailure {
    AggregateSet set = AggregateSet.fromSettings(List.of(Map.of("name", "s", "fn", "sum", "field", "x")), new CelExpressionCompiler());
    Object[] row = set.add(null, Map.of("x", 1L), 0);
    row = set.add(row, Map.of("x", 0.5), 0);
    Map<String, Object> out = new LinkedHashMap<>();
    set.results(row, out);
    assertThat(out.get("s")).isEqualTo(1.5);
    Object[] big = set.add(null, Map.of("x", Long.MAX_VALUE), 0);
    assertThatThrownBy(() -> set.add(big, Map.of("x", 1L), 0)).isInstanceOf(RecordFailure.class).hasMessageContaining("overflows");
  }

  @Test
  void failingRecordLeavesTheRowUnchanged() throws RecordFailure {
    AggregateSet set = all();
    Object[] row = set.add(null, bid(1, 30), 0);
    Object[] before = row.clone();
    Map<String, Object> noPrice = new LinkedHashMap<>();
    noPrice.put("id", 9L);
    assertThatThrownBy(() -> set.add(row, noPrice, 5)).isInstanceOf(RecordFailure.class)
        .hasMessageContaining("field 'price' is missing");
    assertThat(row).isEqualTo(before);
    assertThatThrownBy(() -> set.add(row, Map.of("id", 9L, "price", "cheap"), 5))
        .hasMessageContaining("needs a number");
    assertThat(row).isEqualTo(before);
    assertThatThrownBy(() -> set.add(row, "not a map", 5)).hasMessageContaining("not a map");
  }

  @Test
  void minMaxCompareAcrossIntAndDoubleButNotAcrossTypes() throws RecordFailure {
    AggregateSet set = AggregateSet.fromSettings(List.of(Map.of("name", "m", "fn", "max", "field", "x")), new CelExpressionCompiler());
    Object[] row = set.add(null, Map.of("x", 3L), 0);
    row = set.add(row, Map.of("x", 3.5), 0);
    Map<String, Object> out = new LinkedHashMap<>();
    set.results(row, out);
    assertThat(out.get("m")).isEqualTo(3.5);
    Object[] fixed = row;
    assertThatThrownBy(() -> set.add(fixed, Map.of("x", "text"), 0)).hasMessageContaining("cannot compare");
    List<Object> notComparable = new ArrayList<>();
    assertThatThrownBy(() -> set.add(null, Map.of("x", notComparable), 0)).hasMessageContaining("cannot order");
  }

  @Test
  void unknownFunctionIsAPreciseError() {
    assertThatThrownBy(() -> AggregateSet.fromSettings(List.of(Map.of("name", "z", "fn", "median")), new CelExpressionCompiler()))
        .hasMessageContaining("unknown fn 'median'");
  }
}
