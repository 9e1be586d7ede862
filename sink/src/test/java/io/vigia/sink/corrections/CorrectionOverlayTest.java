package io.vigia.sink.corrections;

import static io.vigia.sink.corrections.CorrectionFixtures.CNE;
import static io.vigia.sink.corrections.CorrectionFixtures.MADURO;
import static io.vigia.sink.corrections.CorrectionFixtures.TARGET;
import static io.vigia.sink.corrections.CorrectionFixtures.correction;
import static io.vigia.sink.corrections.CorrectionFixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.search.ArticleDocument;
import io.vigia.search.ArticleDocument.EntityRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectionOverlayTest {
  private final ArticleDocument machine = doc("https://example.org/a", "Proclamación");
  private final String id = machine.id();

  @Test
  void shouldReplaceTheStanceAndKeepTheMachinesBesideIt() {
    ArticleDocument d =
        CorrectionOverlay.apply(
            machine,
            List.of(
                correction(
                    id,
                    "{\"stance\": {\"target\": \"maduro-government\", \"label\": \"against\"}}")));
    assertThat(d.stance())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.label()).isEqualTo("against");
              assertThat(s.score()).isEqualTo(-1.0);
            });
    assertThat(d.overlay().fields()).containsExactly("stance:" + TARGET);
    assertThat(d.overlay().machine().stance())
        .singleElement()
        .extracting(s -> s.label())
        .isEqualTo("favor");
    assertThat(d.offTopic()).isFalse();
  }

  @Test
  void shouldAddAStanceTowardATargetTheMachineDidNotJudge() {
    ArticleDocument d =
        CorrectionOverlay.apply(
            machine,
            List.of(
                correction(
                    id, "{\"stance\": {\"target\": \"opposition\", \"label\": \"favor\"}}")));
    assertThat(d.stance())
        .extracting(s -> s.target() + ":" + s.label())
        .containsExactly(TARGET + ":favor", "opposition:favor");
  }

  @Test
  void shouldRemoveAddAndLinkEntities() {
    ArticleDocument d =
        CorrectionOverlay.apply(
            machine,
            List.of(
                correction(id, "{\"entity\": {\"remove\": \"" + CNE + "\"}}"),
                correction(
                    id,
                    "{\"entity\": {\"add\": {\"id\": \"vigia:person/edmundo-gonzalez\", \"name\": \"Edmundo González Urrutia\"}, \"mention\": \"González\"}}")));
    assertThat(d.entities())
        .extracting(EntityRef::id)
        .containsExactly(MADURO, "vigia:person/edmundo-gonzalez");
    assertThat(d.entities().get(1))
        .isEqualTo(
            new EntityRef(
                "vigia:person/edmundo-gonzalez", "Edmundo González Urrutia", "PERSON", 1, true));
    assertThat(d.overlay().machine().entities())
        .extracting(EntityRef::id)
        .containsExactly(CNE, MADURO);
  }

  @Test
  void shouldMarkOffTopicAndMoveTheStory() {
    ArticleDocument off =
        CorrectionOverlay.apply(machine, List.of(correction(id, "{\"relevant\": false}")));
    assertThat(off.offTopic()).isTrue();
    ArticleDocument detached =
        CorrectionOverlay.apply(
            machine, List.of(correction(id, "{\"story\": {\"detach\": true}}")));
    assertThat(detached.storyId()).isEqualTo(CorrectionOverlay.DETACHED_STORY + id);
    assertThat(detached.storySources()).isEqualTo(1);
    ArticleDocument joined =
        CorrectionOverlay.apply(
            machine, List.of(correction(id, "{\"story\": {\"join\": \"s-9\"}}")));
    assertThat(joined.storyId()).isEqualTo("s-9");
    assertThat(joined.overlay().machine().storyId()).isEqualTo(machine.storyId());
  }

  @Test
  void shouldRestoreTheMachinesJudgementExactlyWhenCorrectionsAreTakenBack() {
    ArticleDocument corrected =
        CorrectionOverlay.apply(
            machine,
            List.of(
                correction(
                    id,
                    "{\"stance\": {\"target\": \"maduro-government\", \"label\": \"neutral\"}}"),
                correction(id, "{\"relevant\": false}"),
                correction(id, "{\"entity\": {\"remove\": \"" + MADURO + "\"}}"),
                correction(id, "{\"story\": {\"detach\": true}}")));
    assertThat(corrected).isNotEqualTo(machine);
    assertThat(CorrectionOverlay.apply(corrected, List.of())).isEqualTo(machine);
    assertThat(corrected.asJudgedByTheMachine()).isEqualTo(machine);
  }

  @Test
  void shouldOverlayFromTheMachineNotFromAnEarlierOverlay() {
    ArticleDocument once =
        CorrectionOverlay.apply(
            machine, List.of(correction(id, "{\"entity\": {\"remove\": \"" + CNE + "\"}}")));
    ArticleDocument again =
        CorrectionOverlay.apply(once, List.of(correction(id, "{\"relevant\": false}")));
    assertThat(again.entities())
        .extracting(EntityRef::id)
        .as("the CNE is back: its removal was taken back")
        .contains(CNE);
    assertThat(again.overlay().fields()).containsExactly("relevant");
    assertThat(again.overlay().machine().entities())
        .extracting(EntityRef::id)
        .containsExactly(CNE, MADURO);
  }
}
