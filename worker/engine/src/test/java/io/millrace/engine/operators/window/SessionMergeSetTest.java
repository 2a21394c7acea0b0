package io.millrace.engine.operators.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionMergeSetTest {

  private static final long GAP = 10;

  @Test
  void firstRecordOpensASession() {
    SessionMergeSet set = new SessionMergeSet();
    SessionMergeSet.Merge m = set.plan(100, GAP);
    assertThat(m.isNew()).isTrue();
    assertThat(m.window()).isEqualTo(new SessionWindow(100, 110, 100));
    set.apply(m);
    assertThat(set.sessions()).containsExactly(new SessionWindow(100, 110, 100));
  }

  @Test
  void recordInsideTheGapExtendsAndKeepsTheStateId() {
    SessionMergeSet set = new SessionMergeSet();
    set.apply(set.plan(100, GAP));
    SessionMergeSet.Merge m = set.plan(105, GAP);
    assertThat(m.isNew()).isFalse();
    assertThat(m.window()).isEqualTo(new SessionWindow(100, 115, 100));
    assertThat(m.absorbed()).isEmpty();
    set.apply(m);
    assertThat(set.sessions()).containsExactly(new SessionWindow(100, 115, 100));
  }

  @Test
  void recordBridgingTwoSessionsMergesThemIntoTheFirstStateId() {
    SessionMergeSet set = new SessionMergeSet();
    set.apply(set.plan(100, GAP));
    set.apply(set.plan(115, GAP));
    assertThat(set.plan(111, GAP).isNew()).isFalse(); // [111,121) overlaps [115,125)
    assertThat(set.plan(126, GAP).isNew()).isTrue(); // [126,136) starts after [115,125) ends
    SessionMergeSet.Merge merge = set.plan(105, GAP); // [105,115) overlaps [100,110) and [115,125)? no: 115 excluded
    assertThat(merge.absorbed()).isEmpty();
    merge = set.plan(106, GAP); // [106,116) overlaps both
    assertThat(merge.window()).isEqualTo(new SessionWindow(100, 125, 100));
    assertThat(merge.before()).isEqualTo(new SessionWindow(100, 110, 100));
    assertThat(merge.absorbed()).containsExactly(new SessionWindow(115, 125, 115));
    set.apply(merge);
    assertThat(set.sessions()).containsExactly(new SessionWindow(100, 125, 100));
  }

  @Test
  void applyKeepsSessionsOrderedAndDisjoint() {
    SessionMergeSet set = new SessionMergeSet();
    for (long t : new long[] {50, 10, 90, 30, 70, 20, 5}) {
      set.apply(set.plan(t, GAP));
    }
    // Windows are half-open: [10,20) and [20,30) only touch, so a gap of exactly `gap` closes a session.
    assertThat(set.sessions()).extracting(SessionWindow::start).containsExactly(5L, 20L, 30L, 50L, 70L, 90L);
    assertThat(set.sessions().get(0)).isEqualTo(new SessionWindow(5, 20, 10));
    set.apply(set.plan(60, GAP)); // [60,70) touches [50,60) and [70,80) without overlapping
    assertThat(set.sessions()).hasSize(7);
    set.apply(set.plan(65, GAP)); // [65,75) overlaps [60,70) and [70,80)
    assertThat(set.sessions()).extracting(SessionWindow::start).containsExactly(5L, 20L, 30L, 50L, 60L, 90L);
    assertThat(set.sessions().get(4)).isEqualTo(new SessionWindow(60, 80, 60));
  }
}
