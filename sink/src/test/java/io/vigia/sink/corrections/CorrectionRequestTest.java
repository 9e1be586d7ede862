package io.vigia.sink.corrections;

import static io.vigia.sink.corrections.CorrectionFixtures.correction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.schemas.Correction;
import io.vigia.schemas.EntityAction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CorrectionRequestTest {

  @Test
  void shouldReadAStanceCorrectionWithItsNoteAuthorAndTime() {
    Correction c =
        correction(
            "a1",
            "{\"stance\": {\"target\": \"maduro-government\", \"label\": \"Against\"}, \"note\": \" ironic \"}");
    assertThat(c.getField()).isEqualTo("stance:maduro-government");
    assertThat(c.getStance().getLabel()).isEqualTo("against");
    assertThat(c.getNote()).isEqualTo("ironic");
    assertThat(c.getBy()).isEqualTo("tester");
    assertThat(c.getAt()).isEqualTo(Instant.parse("2024-08-01T10:00:00Z"));
    assertThat(c.getArticleId()).isEqualTo("a1");
  }

  @Test
  void shouldReadEveryOtherKind() {
    assertThat(correction("a", "{\"relevant\": false}").getField()).isEqualTo("relevant");
    assertThat(correction("a", "{\"relevant\": false}").getRelevant()).isFalse();
    Correction remove = correction("a", "{\"entity\": {\"remove\": \"vigia:org/cne\"}}");
    assertThat(remove.getField()).isEqualTo("entity:vigia:org/cne");
    assertThat(remove.getEntity().getAction()).isEqualTo(EntityAction.REMOVE);
    Correction add =
        correction(
            "a",
            "{\"entity\": {\"add\": {\"id\": \"vigia:person/edmundo-gonzalez\"}, \"mention\": \"González Urrutia\"}}");
    assertThat(add.getEntity().getAction()).isEqualTo(EntityAction.ADD);
    assertThat(add.getEntity().getMention()).isEqualTo("González Urrutia");
    assertThat(add.getEntity().getName()).as("named as written").isEqualTo("González Urrutia");
    assertThat(add.getEntity().getType()).as("from the id").isEqualTo("PERSON");
    assertThat(correction("a", "{\"story\": {\"detach\": true}}").getStory().getDetach()).isTrue();
    Correction join = correction("a", "{\"story\": {\"join\": \"s-42\"}}");
    assertThat(join.getField()).isEqualTo("story");
    assertThat(join.getStory().getJoin()).isEqualTo("s-42");
  }

  @Test
  void shouldSayWhatIsWrongWithABody() {
    assertBad("[]", "JSON object");
    assertBad("{}", "names nothing to correct");
    assertBad("{\"note\": \"only a note\"}", "names nothing to correct");
    assertBad("{\"relevant\": false, \"story\": {\"detach\": true}}", "one correction at a time");
    assertBad(
        "{\"stance\": {\"target\": \"maduro-government\", \"label\": \"maybe\"}}",
        "favor, against or neutral");
    assertBad(
        "{\"stance\": {\"target\": \"Maduro Government\", \"label\": \"favor\"}}",
        "not a target name");
    assertBad("{\"stance\": {\"label\": \"favor\"}}", "'stance.target' must be a string");
    assertBad(
        "{\"stance\": {\"target\": \"t\", \"label\": \"favor\", \"score\": 1}}",
        "unknown field 'stance.score'");
    assertBad("{\"relevant\": \"no\"}", "true or false");
    assertBad("{\"entity\": {\"remove\": \"\"}}", "non-empty id");
    assertBad("{\"entity\": {\"remove\": \"a\", \"add\": {\"id\": \"b\"}}}", "one of them");
    assertBad("{\"entity\": {\"add\": {\"id\": \"b\"}}}", "'entity.mention' must be a string");
    assertBad(
        "{\"entity\": {\"add\": {\"id\": \"b\"}, \"mention\": \"  \"}}", "the words of the text");
    assertBad("{\"story\": {\"detach\": false}}", "DELETE the correction");
    assertBad("{\"story\": {}}", "one of them");
    assertBad("{\"label\": \"favor\"}", "unknown field 'label'");
    assertBad("{\"relevant\": false, \"note\": 3}", "'note' must be a string");
  }

  private static void assertBad(String body, String message) {
    assertThatThrownBy(() -> correction("a", body))
        .as(body)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
