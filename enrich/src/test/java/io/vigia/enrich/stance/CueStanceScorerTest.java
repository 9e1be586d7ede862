package io.vigia.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.profile.WatchProfile;
import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import io.vigia.schemas.testing.SampleArticles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled profile's cues on hand-written articles: framing, attribution and scare quotes. */
class CueStanceScorerTest {
  private final CueStanceScorer scorer = new CueStanceScorer(
      StanceCues.from(WatchProfile.load("venezuela-elections").readTree("stance.yaml").orElseThrow(), "bundled"));

  private Stance toward(String target, String title, String text) {
    List<Stance> all = scorer.score(SampleArticles.raw("https://x.example/a", title, text).build(), List.of());
    return all.stream().filter(s -> s.getTarget().equals(target)).findFirst().orElseThrow();
  }

  @Test
  void shouldReadHostileFramingAsAgainstTheGovernmentWithEvidence() {
    Stance s = toward("maduro-government", "The regime's sham election",
        "The dictatorship held a sham vote and jailed political prisoners while the regime claimed victory.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.AGAINST);
    assertThat(s.getEvidence()).isNotEmpty();
    assertThat(s.getEvidence().get(0).getText()).isNotBlank();
    assertThat(s.getEvidence().get(0).getCue()).startsWith("against:");
  }

  @Test
  void shouldReadFriendlyFramingAsFavor() {
    Stance s = toward("maduro-government", "Victoria histórica del pueblo",
        "El presidente constitucional celebró la victoria histórica y denunció la injerencia de la ultraderecha.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void shouldNotTakeTheSideOfAQuotedSpeaker() {
    Stance s = toward("maduro-government", "Opposition and government trade accusations",
        "\"This regime is a dictatorship that stole the election,\" the opposition leader said at a rally. "
            + "Officials said the vote was clean. Observers will publish a report on Friday.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(s.getEvidence()).allMatch(e -> e.getAttributed());
  }

  @Test
  void shouldReadScareQuotesAsMockingTheClaim() {
    Stance s = toward("maduro-government", "After the vote", "Maduro \u201Cwon\u201D the vote, the council said, and the \u201Cpresident\u201D gave a speech.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.AGAINST);
    assertThat(s.getEvidence()).anyMatch(e -> e.getCue().contains("scare quotes"));
  }

  @Test
  void shouldGiveAScareQuoteToTheTargetItMostSpecificallyMocks() {
    Stance gov = toward("maduro-government", "t", "The \u201Cinterim president\u201D travelled again.");
    Stance opp = toward("opposition", "t", "The \u201Cinterim president\u201D travelled again.");
    assertThat(gov.getLabel()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(opp.getLabel()).isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void shouldStayNeutralOnAPlainReport() {
    Stance s = toward("maduro-government", "Council sets the date",
        "The electoral council set the date of the vote. Parties will register candidates in March.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(s.getEvidence()).isEmpty();
  }
}
