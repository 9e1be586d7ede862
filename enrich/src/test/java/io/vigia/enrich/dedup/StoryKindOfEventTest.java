package io.vigia.enrich.dedup;

import static io.vigia.enrich.dedup.Fixtures.T0;
import static io.vigia.enrich.dedup.Fixtures.article;
import static io.vigia.enrich.dedup.Fixtures.hoursLater;
import static io.vigia.enrich.dedup.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a young state (fewer than five originals, rarity cannot be told) names shared by two articles
 * that also report the same kinds of event keep the names cosine's slow decay: a Spanish report of
 * a law against supporters of sanctions and an English analysis of it 42 hours later, in other
 * words, with the legislator by surname only and the figures in words, are one story; an English
 * report of the comptroller's audits two days later, which names the same legislator, watchdog and
 * bodies but reports another kind of event, stays apart (invented text).
 */
class StoryKindOfEventTest {
  private static final String LAW_ES = text("sanctions-law-es.txt");
  private static final String ANALYSIS_EN = text("sanctions-law-analysis-en.txt");
  private static final String AUDIT_EN = text("comptroller-audit-en.txt");

  private static String storyOf(String title, String text, long hours) {
    DedupEngine engine = Fixtures.engineWithTwoBackgroundArticles();
    engine.decide(
        article(
            "law",
            "https://parlamento.example/ley-soberania",
            "Aprobada la ley que castiga a quienes pidan sanciones",
            LAW_ES,
            T0));
    return engine
        .decide(article("second", "https://review.example/second", title, text, hoursLater(hours)))
        .storyId();
  }

  @Test
  void shouldJoinAnAnalysisTwoDaysLaterThatReportsTheSameKindsOfEvent() {
    assertThat(
            storyOf(
                "Venezuela's sovereignty law makes asking for sanctions a crime", ANALYSIS_EN, 42))
        .isEqualTo("law");
  }

  @Test
  void shouldKeepAnotherEventThatNamesTheSameActorsApart() {
    assertThat(storyOf("Comptroller audits 40 mayors' offices", AUDIT_EN, 44)).isEqualTo("second");
  }

  @Test
  void shouldTellTheSameKindsOfEventFromOthers() {
    Fingerprint law = Fingerprint.of("", LAW_ES, List.of());
    assertThat(StoryEvidence.sameKindOfEvent(Fingerprint.of("", ANALYSIS_EN, List.of()), law))
        .isTrue();
    assertThat(StoryEvidence.sameKindOfEvent(Fingerprint.of("", AUDIT_EN, List.of()), law))
        .isFalse();
  }

  @Test
  void shouldKeepTheSlowDecayOnAYoungStateOnlyForTheSameKindsOfEvent() {
    assertThat(StoryEvidence.namesDiscount(3, 48, 120, true))
        .isCloseTo(Math.exp(-48.0 / 120), within(1e-9));
    assertThat(StoryEvidence.namesDiscount(3, 48, 120, false))
        .isCloseTo(Math.exp(-1), within(1e-9));
  }
}
