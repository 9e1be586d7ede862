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
  private final CueStanceScorer scorer =
      new CueStanceScorer(
          StanceCues.from(
              WatchProfile.load("venezuela-elections").readTree("stance.yaml").orElseThrow(),
              "bundled"));

  private Stance toward(String target, String title, String text) {
    List<Stance> all =
        scorer.score(SampleArticles.raw("https://x.example/a", title, text).build(), List.of());
    return all.stream().filter(s -> s.getTarget().equals(target)).findFirst().orElseThrow();
  }

  @Test
  void shouldReadHostileFramingAsAgainstTheGovernmentWithEvidence() {
    Stance s =
        toward(
            "maduro-government",
            "The regime's sham election",
            "The dictatorship held a sham vote and jailed political prisoners while the regime claimed victory.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.AGAINST);
    assertThat(s.getEvidence()).isNotEmpty();
    assertThat(s.getEvidence().get(0).getText()).isNotBlank();
    assertThat(s.getEvidence().get(0).getCue()).startsWith("against:");
  }

  @Test
  void shouldReadFriendlyFramingAsFavor() {
    Stance s =
        toward(
            "maduro-government",
            "Victoria histórica del pueblo",
            "El presidente constitucional celebró la victoria histórica y denunció la injerencia de la ultraderecha.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void shouldNotTakeTheSideOfAQuotedSpeaker() {
    Stance s =
        toward(
            "maduro-government",
            "Opposition and government trade accusations",
            "\"This regime is a dictatorship that stole the election,\" the opposition leader said at a rally. "
                + "Officials said the vote was clean. Observers will publish a report on Friday.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(s.getEvidence()).allMatch(e -> e.getAttributed());
  }

  @Test
  void shouldReadScareQuotesAsMockingTheClaim() {
    Stance s =
        toward(
            "maduro-government",
            "After the vote",
            "Maduro \u201Cwon\u201D the vote, the council said, and the \u201Cpresident\u201D gave a speech.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.AGAINST);
    assertThat(s.getEvidence()).anyMatch(e -> e.getCue().contains("scare quotes"));
  }

  @Test
  void shouldGiveAScareQuoteToTheTargetItMostSpecificallyMocks() {
    Stance gov =
        toward("maduro-government", "t", "The \u201Cinterim president\u201D travelled again.");
    Stance opp = toward("opposition", "t", "The \u201Cinterim president\u201D travelled again.");
    assertThat(gov.getLabel()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(opp.getLabel()).isEqualTo(StanceLabel.AGAINST);
  }

  @Test
  void shouldStayNeutralOnAPlainReport() {
    Stance s =
        toward(
            "maduro-government",
            "Council sets the date",
            "The electoral council set the date of the vote. Parties will register candidates in March.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(s.getEvidence()).isEmpty();
  }

  @Test
  void shouldCountIndirectSpeechThatNamesItsSpeakerAsReportingNotTakingSides() {
    Stance s =
        toward(
            "maduro-government",
            "Washington rejects the regional results",
            "The State Department denounced arbitrary detentions and censorship during the campaign, a spokesman said. "
                + "The electoral council said turnout was 42 percent.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(s.getEvidence())
        .isNotEmpty()
        .allMatch(e -> e.getAttributed() && e.getCue().endsWith("(reported)"));
  }

  @Test
  void shouldCountTheSameWordsInTheOutletsOwnVoiceFully() {
    Stance s =
        toward(
            "maduro-government",
            "The campaign",
            "Arbitrary detentions and censorship marked the campaign. The repression went on.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.AGAINST);
    assertThat(s.getEvidence()).noneMatch(e -> e.getAttributed());
  }

  @Test
  void shouldReadAHedgedAccusationAsDoubtingIt() {
    Stance s =
        toward(
            "maduro-government",
            "Las actas",
            "La oposición insiste en el supuesto fraude. El supuesto fraude nunca apareció en las actas.");
    assertThat(s.getScore()).isPositive();
    assertThat(s.getEvidence()).anyMatch(e -> e.getCue().equals("favor: fraude (hedged)"));
  }

  @Test
  void shouldReadScareQuotesAroundTheCriticsWordAsMockingTheCritics() {
    Stance s =
        toward(
            "maduro-government",
            "The \u201Cfraud\u201D that never was",
            "The count was audited twice by every party.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.FAVOR);
    assertThat(s.getEvidence()).anyMatch(e -> e.getCue().startsWith("favor: scare quotes"));
  }

  @Test
  void shouldReadAQuotedWordInASentenceThatNamesItsSpeakerAsAPartialQuote() {
    Stance s =
        toward(
            "maduro-government",
            "US reacts",
            "Blinken said the vote was a \u201Csham\u201D staged by the \u00ABr\u00E9gimen\u00BB. "
                + "The council published partial results.");
    assertThat(s.getLabel()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(s.getEvidence())
        .isNotEmpty()
        .allMatch(e -> e.getAttributed() && e.getCue().endsWith("(quoted)"));
  }

  @Test
  void shouldNotDecideWhomABareScareQuotedPresidentMocks() {
    Stance s =
        toward(
            "maduro-government",
            "t",
            "In 2019 they were told a foreign-backed \u201Cpresident\u201D would take office.");
    assertThat(s.getEvidence()).isEmpty();
  }

  @Test
  void shouldWeighHeadlineCuesMoreThanTheSameCueInTheBody() {
    double inHeadline =
        toward("maduro-government", "The regime", "Council sets the date.").getScore();
    double inBody = toward("maduro-government", "Council sets the date", "The regime.").getScore();
    assertThat(inHeadline).isLessThan(inBody).isNegative();
  }

  @Test
  void shouldPointEvidenceOffsetsAtTheCueInHeadlinePlusBody() {
    String title = "Sham election";
    String text = "The dictatorship counted the votes alone.";
    Stance s = toward("maduro-government", title, text);
    String all = title + "\n\n" + text;
    assertThat(s.getEvidence())
        .isNotEmpty()
        .allSatisfy(
            e -> {
              String span =
                  all.substring(e.getStart(), e.getEnd()).toLowerCase(java.util.Locale.ROOT);
              assertThat(e.getCue()).contains(span.replace("\u201C", "").replace("\u201D", ""));
              assertThat(e.getText()).contains(all.substring(e.getStart(), e.getEnd()));
            });
  }

  @Test
  void shouldRescoreATallyUnderOtherWeightsAsIfScoredWithThem() {
    String title = "Blinken: \u201Cthe regime stole the election\u201D";
    String text =
        "The so-called fraud was denounced by critics, according to the statement. The dictatorship replied.";
    StanceCues base = scorer.cues();
    StanceCues other = base.withFactors(0.5, 1.0, 1.0, 0.0, 2.0);
    double rescored = scorer.tally(title, text).get(0).score(other);
    double direct = new CueStanceScorer(other).tally(title, text).get(0).score();
    assertThat(rescored)
        .isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-9))
        .isNotEqualTo(scorer.tally(title, text).get(0).score());
  }
}
