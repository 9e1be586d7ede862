package io.vigia.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory LSH buckets: members by article time then id, the newest few shown. */
class BucketIndexTest {
  private final ArticleSlots slots = new ArticleSlots();
  private final BucketIndex index = new BucketIndex(slots, 2);

  private List<String> newest(int band, long hash, int limit) {
    List<String> out = new ArrayList<>();
    index.newest(band, hash, limit, out);
    return out;
  }

  private int add(String id, long time, long hash) {
    int slot = slots.add(id, time, null);
    index.add(0, hash, slot);
    return slot;
  }

  @Test
  void shouldOrderMembersByArticleTimeWhateverOrderTheyCameIn() {
    add("c", 3_000L, 7L);
    add("a", 1_000L, 7L);
    add("d", 4_000L, 7L);
    add("b2", 2_000L, 7L);
    add("b1", 2_000L, 7L); // the same time: by id

    assertThat(newest(0, 7L, 10)).containsExactly("a", "b1", "b2", "c", "d");
    assertThat(newest(0, 7L, 2)).containsExactly("c", "d");
    assertThat(newest(1, 7L, 10)).as("another band").isEmpty();
    assertThat(newest(0, 8L, 10)).as("another hash").isEmpty();
  }

  @Test
  void shouldRemoveMembersFromAnyPlaceAndFromASingleMemberBucket() {
    int a = add("a", 1_000L, 7L);
    int b = add("b", 2_000L, 7L);
    int c = add("c", 3_000L, 7L);
    int d = add("d", 4_000L, 7L);
    int alone = add("alone", 5_000L, 9L);

    index.remove(0, 7L, a); // the oldest
    index.remove(0, 7L, c); // one in the middle
    index.remove(0, 7L, alone); // not in this bucket: nothing happens
    assertThat(newest(0, 7L, 10)).containsExactly("b", "d");

    index.remove(0, 7L, d);
    assertThat(newest(0, 7L, 10)).containsExactly("b");
    index.remove(0, 7L, b);
    index.remove(0, 9L, alone);
    assertThat(newest(0, 7L, 10)).isEmpty();
    assertThat(newest(0, 9L, 10)).isEmpty();
    assertThat(index.memberships()).isZero();
  }

  @Test
  void shouldKeepEveryMemberOfABusyBucketInOrderAsItGrowsAndLosesItsOldest() {
    List<String> expected = new ArrayList<>();
    List<Integer> added = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      added.add(add(String.format("a%03d", i), 1_000L + i, 7L));
      expected.add(String.format("a%03d", i));
      if (i % 3 == 2) { // eviction takes the oldest, as new ones come in
        index.remove(0, 7L, added.remove(0));
        expected.remove(0);
      }
    }
    add("late", 0L, 7L); // older than all: first in line, though it came last
    expected.add(0, "late");

    assertThat(newest(0, 7L, 1_000)).containsExactlyElementsOf(expected);
    assertThat(newest(0, 7L, 3))
        .containsExactlyElementsOf(expected.subList(expected.size() - 3, expected.size()));
  }

  @Test
  void shouldGiveAForgottenArticlesNumberToTheNextOne() {
    int a = slots.add("a", 1_000L, null);
    slots.remove(a);
    int b = slots.add("b", 2_000L, null);

    assertThat(b).isEqualTo(a);
    assertThat(slots.slot("a")).isEqualTo(-1);
    assertThat(slots.id(b)).isEqualTo("b");
  }
}
