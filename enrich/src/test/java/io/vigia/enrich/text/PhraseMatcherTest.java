package io.vigia.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {
  private final PhraseMatcher<String> m =
      new PhraseMatcher<String>()
          .add("Consejo Nacional Electoral", "cne-long")
          .add("Consejo", "consejo")
          .add("CNE", "cne")
          .add("UN", "un")
          .add("Nicolás Maduro", "maduro");

  private List<String> found(String text) {
    return m.findAll(Tokens.of(text)).stream().map(x -> x.value().get(0)).toList();
  }

  @Test
  void shouldPreferTheLongestMatch() {
    assertThat(found("El Consejo Nacional Electoral anunció")).containsExactly("cne-long");
  }

  @Test
  void shouldIgnoreAccentsAndCaseOfNames() {
    assertThat(found("NICOLAS MADURO y nicolás maduro")).containsExactly("maduro", "maduro");
  }

  @Test
  void shouldMatchAcronymsOnlyInCapitals() {
    assertThat(found("un informe del UN y del CNE, no del cne")).containsExactly("un", "cne");
  }

  @Test
  void shouldMatchWholeWordsOnly() {
    assertThat(found("Consejeros del Consejo")).containsExactly("consejo");
  }

  @Test
  void shouldSplitPossessivesAndHyphens() {
    assertThat(found("Nicolás Maduro's government")).containsExactly("maduro");
  }

  @Test
  void shouldTellApartWordsWhoseFoldsHashAlike() {
    assertThat("aan".hashCode()).isEqualTo("ac0".hashCode());
    PhraseMatcher<String> same =
        new PhraseMatcher<String>().add("Aan", "aan").add("AC0 lima", "ac0-lima");
    List<String> found =
        same.findAll(Tokens.of("aan ac0 lima AAN ac0 aan lima")).stream()
            .map(x -> x.value().get(0))
            .toList();
    assertThat(found).containsExactly("aan", "ac0-lima", "aan", "aan");
  }

  /**
   * Many phrases over a small vocabulary (tables grow, words share slots), random texts: the same
   * matches as a straightforward matcher keyed on the folded words as Strings, kept below.
   */
  @Test
  void shouldFindWhatAStringKeyedMatcherFinds() {
    String[] vocabulary = {
      "Nicolás", "nicolas", "Maduro", "CNE", "UN", "un", "la", "Unión", "Europea", "aan", "AC0",
      "ac0", "Consejo", "Nacional", "Electoral", "São", "Paulo", "Straße", "ŉ", "1", "2024", "de",
      "del", "EU", "eu", "Voluntad", "Popular", "Lima", "Perú", "peru", "Bogotá", "Ж"
    };
    Random r = new Random(5);
    for (int round = 0; round < 40; round++) {
      PhraseMatcher<Integer> fast = new PhraseMatcher<>();
      Reference slow = new Reference();
      for (int p = 0; p < 60; p++) {
        String phrase = words(r, vocabulary, 1 + r.nextInt(3));
        boolean name = r.nextBoolean();
        if (name) {
          fast.addName(phrase, p);
        } else {
          fast.add(phrase, p);
        }
        slow.add(phrase, p, name);
      }
      for (int n = 0; n < 50; n++) {
        Tokens t = Tokens.of(words(r, vocabulary, r.nextInt(30)));
        assertThat(fast.findAll(t)).as("%s", t.text()).isEqualTo(slow.findAll(t));
      }
    }
  }

  private static String words(Random r, String[] vocabulary, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : r.nextInt(8) == 0 ? ", " : " ");
      b.append(vocabulary[r.nextInt(vocabulary.length)]);
    }
    return b.toString();
  }

  /** The matcher as it was: a trie of String-keyed maps, each phrase's rules checked in order. */
  private static final class Reference {
    private record Phrase(int value, String exact, List<Boolean> capitals) {}

    private final Map<List<String>, List<Phrase>> phrases = new HashMap<>();
    private int longest;

    void add(String phrase, int value, boolean name) {
      Tokens t = Tokens.of(phrase);
      List<String> key = new ArrayList<>();
      List<Boolean> capitals = new ArrayList<>();
      for (int i = 0; i < t.size(); i++) {
        key.add(t.folded(i));
        capitals.add(name && t.capitalised(i));
      }
      String exact =
          t.size() == 1 && PhraseMatcher.isAcronym(phrase.strip()) ? phrase.strip() : null;
      phrases.computeIfAbsent(key, k -> new ArrayList<>()).add(new Phrase(value, exact, capitals));
      longest = Math.max(longest, t.size());
    }

    List<PhraseMatcher.Match<List<Integer>>> findAll(Tokens t) {
      List<PhraseMatcher.Match<List<Integer>>> out = new ArrayList<>();
      int i = 0;
      while (i < t.size()) {
        int bestEnd = -1;
        List<Integer> best = null;
        List<String> key = new ArrayList<>();
        for (int j = i; j < t.size() && j - i < longest; j++) {
          key.add(t.folded(j));
          List<Integer> ok = new ArrayList<>();
          for (Phrase p : phrases.getOrDefault(key, List.of())) {
            boolean fits = p.exact() == null || (j == i && t.surface(i).equals(p.exact()));
            for (int k = i; k <= j; k++) {
              fits &= !p.capitals().get(k - i) || t.capitalised(k);
            }
            if (fits) {
              ok.add(p.value());
            }
          }
          if (!ok.isEmpty()) {
            bestEnd = j + 1;
            best = ok;
          }
        }
        if (best != null) {
          out.add(new PhraseMatcher.Match<>(i, bestEnd, best));
          i = bestEnd;
        } else {
          i++;
        }
      }
      return out;
    }
  }
}
