package io.vigia.enrich.dedup;

import static io.vigia.enrich.dedup.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final String EN = text("timetable-en.txt");
  private static final String ES = text("timetable-es.txt");
  private static final String REACTION = text("timetable-reaction-en.txt");
  private static final String UNRELATED = text("unrelated-en.txt");

  private static Fingerprint of(String text) {
    return Fingerprint.of("", text, List.of());
  }

  @Test
  void shouldFindATextIdenticalToItselfWhateverItsQuotesAndCase() {
    assertThat(of(EN).jaccard(of(Fixtures.curlyQuotes(EN).toUpperCase()))).isEqualTo(1.0);
  }

  @Test
  void shouldEstimateCopiesAsSimilarAndOtherTextsAsNot() {
    assertThat(of(EN).jaccard(of(Fixtures.syndicated(EN)))).isGreaterThan(0.6);
    assertThat(of(EN).jaccard(of(REACTION))).isLessThan(0.1);
    assertThat(of(EN).jaccard(of(UNRELATED))).isLessThan(0.05);
  }

  @Test
  void shouldSeeAHalfTextAsContainedInTheWhole() {
    String half = String.join("\n\n", Fixtures.paragraphs(EN).subList(0, 4));
    Fingerprint whole = of(EN);
    assertThat(of(half).containment(whole)).isGreaterThan(0.85);
    assertThat(of(half).jaccard(whole)).isLessThan(0.8);
  }

  @Test
  void shouldUnifyFigureSeparatorsAcrossLanguages() {
    Fingerprint en = Fingerprint.of("", "Turnout was 41.80% of 21,400 voters in Zulia.", List.of());
    Fingerprint es =
        Fingerprint.of(
            "", "La participación fue de 41,80 % de 21.400 votantes en Zulia.", List.of());
    assertThat(en.sharedFeatures(es)).isEqualTo(3);
  }

  @Test
  void shouldTakeEntityIdsAsStoryFeatures() {
    Fingerprint a = Fingerprint.of("", "the council met", List.of("Q123"));
    Fingerprint b = Fingerprint.of("", "el consejo se reunió", List.of("Q123"));
    assertThat(a.sharedFeatures(b)).isEqualTo(1);
  }

  @Test
  void shouldAlignATranslationBetterThanAnotherReportOfTheSameEvent() {
    double translation = of(EN).anchorAlignment(of(ES));
    double reaction = of(EN).anchorAlignment(of(REACTION));
    assertThat(translation).isGreaterThan(0.5);
    assertThat(reaction).isLessThan(translation);
    assertThat(of(EN).anchorAlignment(of(UNRELATED))).isLessThan(0.2);
  }

  @Test
  void shouldCountTheHeadlinesNamesTwice() {
    Fingerprint a =
        Fingerprint.of(
            "Delegates meet in Barbados",
            "Delegates met in Barbados with Norway as host.",
            List.of());
    Fingerprint b = Fingerprint.of("", "Delegates met in Barbados with Norway as host.", List.of());
    // Barbados and Norway, weight 1 each; Barbados is in a's headline.
    assertThat(b.weightedNorm(f -> 1.0)).isCloseTo(Math.sqrt(2), within(1e-9));
    assertThat(a.weightedNorm(f -> 1.0)).isCloseTo(Math.sqrt(4 + 1), within(1e-9));
    assertThat(a.weightedShared(b, f -> 1.0)).isCloseTo(2 + 1, within(1e-9));
    assertThat(a.weightedShared(a, f -> 1.0)).isCloseTo(4 + 1, within(1e-9));
  }

  @Test
  void shouldWeighSharedFeaturesBySquaredWeights() {
    Fingerprint a =
        Fingerprint.of("", "Observers from the Lima Group met the CNE in Caracas.", List.of());
    Fingerprint b =
        Fingerprint.of("", "The Lima Group said the CNE had not published results.", List.of());
    long cne = Fingerprint.features(null, "the CNE", List.of())[0];
    // Lima, Group and CNE are shared; with the CNE counting nothing, two remain.
    assertThat(a.weightedShared(b, f -> f == cne ? 0 : 1)).isCloseTo(2, within(1e-9));
    assertThat(a.weightedShared(b, f -> f == cne ? 0 : 3)).isCloseTo(18, within(1e-9));
  }

  @Test
  void shouldBandIdenticalSignaturesIdenticallyAndDifferentOnesDifferently() {
    assertThat(of(EN).bands(32)).containsExactly(of(EN).bands(32));
    long[] a = of(EN).bands(32);
    long[] b = of(UNRELATED).bands(32);
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).isNotEqualTo(b[i]);
    }
  }

  private static boolean hasName(String text, String name) {
    String f = "@" + name;
    long h = Fingerprint.hash(f, 0, f.length());
    return java.util.Arrays.stream(Fingerprint.features(null, text, List.of()))
        .anyMatch(x -> x == h);
  }

  @Test
  void shouldNotTakeTheWordAfterAnInvertedMarkForAName() {
    // Spanish opens a question or an exclamation with ¿ or ¡, and its first word takes a capital.
    String text =
        "Y el ministro preguntó ¿Dónde están las pruebas? Luego gritó ¡Basta ya! a Cabello";
    assertThat(hasName(text, "donde")).isFalse();
    assertThat(hasName(text, "basta")).isFalse();
    assertThat(hasName(text, "cabello")).isTrue();
  }
}
