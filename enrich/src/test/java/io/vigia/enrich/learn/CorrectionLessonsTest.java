package io.vigia.enrich.learn;

import static io.vigia.enrich.learn.CorrectionFixtures.article;
import static io.vigia.enrich.learn.CorrectionFixtures.detached;
import static io.vigia.enrich.learn.CorrectionFixtures.linked;
import static io.vigia.enrich.learn.CorrectionFixtures.relevant;
import static io.vigia.enrich.learn.CorrectionFixtures.stance;
import static io.vigia.enrich.learn.CorrectionFixtures.unlinked;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.StanceLabel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrectionLessonsTest {
  private static final Map<String, io.vigia.schemas.RawArticle> STORED =
      Map.of(
          "a1", article("a1", "Fraude en el CNE", "La oposición denuncia fraude."),
          "a2", article("a2", "Béisbol", "Los Leones ganaron la final."));

  @Test
  void shouldTurnStanceAndRelevanceCorrectionsIntoExamplesWithTheArticlesText() {
    CorrectionLessons l =
        CorrectionLessons.from(
            List.of(
                stance("a1", "maduro-government", "against"),
                relevant("a1", true),
                relevant("a2", false)),
            STORED);

    assertThat(l.examples()).hasSize(2);
    LabelledExample a1 = l.examples().get(0);
    assertThat(a1.id()).isEqualTo("a1");
    assertThat(a1.title()).isEqualTo("Fraude en el CNE");
    assertThat(a1.text()).isEqualTo("La oposición denuncia fraude.");
    assertThat(a1.language()).isEqualTo("es");
    assertThat(a1.stance()).isEqualTo(Map.of("maduro-government", StanceLabel.AGAINST));
    assertThat(a1.relevant()).as("both corrections of a1 in one example").isTrue();
    LabelledExample a2 = l.examples().get(1);
    assertThat(a2.stance()).isEmpty();
    assertThat(a2.relevant()).isFalse();
    assertThat(l.stanceExamples()).isEqualTo(1);
    assertThat(l.relevanceExamples()).isEqualTo(2);
  }

  @Test
  void shouldKeepEntityCorrectionsAsMentionsAndRemovalsAndCountWhatItCannotLearn() {
    CorrectionLessons l =
        CorrectionLessons.from(
            List.of(
                linked("a1", "Q57413", " Presidente Obrero "),
                unlinked("a2", "vigia:org/cne"),
                detached("a1"),
                stance("gone", "maduro-government", "favor")),
            STORED);

    assertThat(l.examples()).isEmpty();
    assertThat(l.mentions())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.entityId()).isEqualTo("Q57413");
              assertThat(m.mention()).isEqualTo("Presidente Obrero");
              assertThat(m.text()).contains("Fraude en el CNE").contains("denuncia fraude");
            });
    assertThat(l.removals())
        .singleElement()
        .extracting(r -> r.entityId())
        .isEqualTo("vigia:org/cne");
    assertThat(l.stories()).isEqualTo(1);
    assertThat(l.missing()).containsExactly("gone");
    assertThat(l.summary())
        .contains("4 in force")
        .contains("1 entity links added, 1 removed")
        .contains("1 story corrections")
        .contains("1 articles no longer in vigia.articles.raw");
  }
}
