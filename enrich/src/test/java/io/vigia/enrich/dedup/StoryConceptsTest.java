package io.vigia.enrich.dedup;

import static io.vigia.enrich.dedup.Fixtures.T0;
import static io.vigia.enrich.dedup.Fixtures.article;
import static io.vigia.enrich.dedup.Fixtures.hoursLater;
import static io.vigia.enrich.dedup.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kinds of event two articles report ({@link EventVocabulary}) while the state holds one
 * article, when no name can be weighed: a Spanish wire's report that the government expelled an
 * observation mission and the English report of the bloc's reply, 19 hours later, in other words
 * and another order of names (invented text); and the foreign minister's offer of an oil licence
 * the same day, which names the bloc, the country and its council too.
 */
class StoryConceptsTest {
  private static final String EXPELLED_ES = text("mission-expelled-es.txt");
  private static final String EXPELLED_EN = text("mission-expelled-en.txt");
  private static final String LICENCE_EN = text("minister-licence-en.txt");

  private static String storyOfSecond(String title, String text) {
    DedupEngine engine = new DedupEngine(new MemoryDedupStore(), DedupSettings.defaults());
    engine.decide(
        article(
            "es",
            "https://agencia.example/mision-suspendida",
            "Venezuela suspende la misión de observación de la UE y expulsa a sus observadores",
            EXPELLED_ES,
            T0));
    return engine
        .decide(article("second", "https://daily.example/second", title, text, hoursLater(19)))
        .storyId();
  }

  @Test
  void shouldJoinTheOtherLanguagesReportOfOneEventOnAStateOfOneArticle() {
    assertThat(
            storyOfSecond(
                "EU 'regrets' Venezuela's expulsion of its election observers", EXPELLED_EN))
        .isEqualTo("es");
  }

  @Test
  void shouldJoinItByTheKindsOfEventNotByTheAlignmentOfNames() {
    Fingerprint es = Fingerprint.of("", EXPELLED_ES, List.of());
    Fingerprint en = Fingerprint.of("", EXPELLED_EN, List.of());
    // The rewrite test fails: not the same names in the same order within hours.
    assertThat(en.anchorAlignment(es) * Math.exp(-19.0 / 12)).isLessThan(0.15);
    // What both report: a suspension, an observation mission, an expulsion.
    assertThat(StoryEvidence.conceptCosine(en, es))
        .isGreaterThan(StoryEvidence.PRIOR_OVERLAP / Math.exp(-19.0 / 48));
  }

  @Test
  void shouldKeepAnotherEventOfTheSameDayThatNamesTheSameActorsApart() {
    assertThat(storyOfSecond("Venezuela offers European companies a new oil licence", LICENCE_EN))
        .isEqualTo("second");
    Fingerprint es = Fingerprint.of("", EXPELLED_ES, List.of());
    Fingerprint licence = Fingerprint.of("", LICENCE_EN, List.of());
    assertThat(StoryEvidence.conceptCosine(licence, es)).isLessThan(StoryEvidence.PRIOR_OVERLAP);
  }

  @Test
  void shouldNotCountAKindOfEventAsEvidenceOfOneEvent() {
    // Two tally-sheet disputes and two sets of sanctions share their kinds of event, not an event.
    Fingerprint a = Fingerprint.of("", "Sanctions follow the tally sheets dispute.", List.of());
    Fingerprint b =
        Fingerprint.of("", "Nuevas sanciones tras la disputa por las actas.", List.of());
    assertThat(a.sharedFeatures(b)).isEqualTo(2);
    assertThat(a.sharedNames(b)).isZero();
    assertThat(StoryEvidence.shared(a, b, 10, f -> 1.0, 4)).isZero();
    assertThat(StoryEvidence.shared(a, b, 1, f -> 1.0, 4)).isZero();
    // In the cosine they count like names.
    assertThat(a.weightedShared(b, f -> 1.0)).isEqualTo(2.0);
  }
}
