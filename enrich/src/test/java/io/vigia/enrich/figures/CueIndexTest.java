package io.vigia.enrich.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CueIndexTest {
  private final CueIndex index =
      new CueIndex(
          List.of("segun", "said", "say ", "participacion", "part", "de acuerdo con", "y a "));

  @Test
  void shouldFindTheNearestCueAtAWordStart() {
    String text = FoldedText.fold("Según el CNE, la participación fue alta; según Provea, no.");
    CueIndex.Hits hits = index.scan(text);
    int number = text.indexOf("alta");
    assertThat(hits.nearest("segun", 0, text.length(), text.indexOf("cne"))).isEqualTo(0);
    // after the number, but nearer to it than the first
    assertThat(hits.nearest("segun", 0, text.length(), number))
        .isEqualTo(text.lastIndexOf("segun"));
    assertThat(hits.nearest("segun", 20, text.length(), number))
        .isEqualTo(text.lastIndexOf("segun"));
    assertThat(hits.nearest("part", 0, text.length(), number)).isEqualTo(text.indexOf("particip"));
    // a cue counts only when it starts and ends within the range
    assertThat(hits.anyIn(List.of("said", "segun"), 1, 40)).isFalse();
    assertThat(hits.anyIn(List.of("said", "segun"), 1, 45)).isFalse();
    assertThat(hits.anyIn(List.of("said", "segun"), 1, 46)).isTrue();
    assertThat(hits.anyIn(List.of("said"), 0, text.length())).isFalse();
  }

  @Test
  void shouldNotFindACueInsideAWord() {
    CueIndex.Hits hits = index.scan("la contraparte dijo");
    assertThat(hits.nearest("part", 0, 19, 10)).isEqualTo(-1);
  }

  @Test
  void shouldAnswerExactlyAsAScanOfTheText() {
    String[] words = {
      "segun",
      "said",
      "say",
      "de",
      "acuerdo",
      "con",
      "participacion",
      "part",
      "y",
      "a",
      "x",
      "partido",
      "saida",
      "segunda"
    };
    String[] gaps = {" ", "  ", ", ", ". ", "\n", "-", "'"};
    List<String> cues =
        List.of("segun", "said", "say ", "participacion", "part", "de acuerdo con", "y a ", "nada");
    Random r = new Random(11);
    for (int round = 0; round < 300; round++) {
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < 40; w++) {
        sb.append(words[r.nextInt(words.length)]).append(gaps[r.nextInt(gaps.length)]);
      }
      String text = sb.toString();
      CueIndex.Hits hits = index.scan(text);
      for (int q = 0; q < 50; q++) {
        int from = r.nextInt(text.length());
        int to = from + r.nextInt(text.length() - from + 5);
        int pos = from + r.nextInt(Math.max(1, to - from));
        for (String cue : cues) {
          assertThat(hits.nearest(cue, from, to, pos))
              .isEqualTo(FoldedText.nearest(text, cue, from, to, pos));
        }
        assertThat(hits.anyIn(cues.subList(0, 3), from, to))
            .isEqualTo(FoldedText.anyIn(text, cues.subList(0, 3), from, to));
      }
    }
  }

  @Test
  void shouldKnowTheCuesOfTheListsItWasBuiltFromByNumber() {
    List<String> sources = List.of("segun", "de acuerdo con");
    List<String> saying = List.of("said", "say ", "dijo");
    CueIndex lists = CueIndex.ofLists(List.of(sources, saying));
    String text = FoldedText.fold("Según el CNE, dijo; de acuerdo con Provea, said no one");
    CueIndex.Hits hits = lists.scan(text);
    // a list it was built from, and the same cues in another list, are numbered alike
    assertThat(hits.ids(saying))
        .containsExactly(hits.ids(List.copyOf(new java.util.ArrayList<>(saying))));
    assertThat(hits.ids(List.of("dijo", "nada"))[1]).isEqualTo(-1);
    int[] ids = hits.ids(saying);
    for (int k = 0; k < ids.length; k++) {
      assertThat(ids[k]).isNotNegative();
      for (int pos = 0; pos < text.length(); pos += 7) {
        assertThat(hits.nearest(ids[k], saying.get(k), 0, text.length(), pos))
            .isEqualTo(FoldedText.nearest(text, saying.get(k), 0, text.length(), pos));
      }
    }
    assertThat(hits.nearest(-1, "nada", 0, text.length(), 0)).isEqualTo(-1);
    assertThat(hits.anyIn(sources, 0, 5)).isTrue();
    assertThat(hits.anyIn(sources, 1, text.length())).isTrue();
    assertThat(hits.anyIn(sources, 1, 20)).isFalse();
  }
}
