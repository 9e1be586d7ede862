package io.vigia.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.http.Json;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import io.vigia.schemas.testing.SampleArticles;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRuleTest {
  private static AlertRule rule(String json) throws Exception {
    return AlertRule.fromJson(Json.MAPPER.readTree(json));
  }

  private static EnrichedArticle article(String lang, String title) {
    EnrichedArticle e =
        SampleArticles.enriched(
            SampleArticles.raw(
                    "https://example.org/" + title.hashCode(), title, "Texto sobre el CNE.")
                .setLanguage(lang)
                .build());
    e.setEntities(
        List.of(
            Entity.newBuilder()
                .setId("Q1")
                .setName("Consejo Nacional Electoral")
                .setType("ORG")
                .setMentions(1)
                .setFirstOffset(0)
                .setLinked(true)
                .build()));
    e.setStance(
        List.of(
            Stance.newBuilder()
                .setTarget("maduro-government")
                .setLabel(StanceLabel.AGAINST)
                .setScore(-0.5)
                .build()));
    return e;
  }

  @Test
  void shouldMatchTheIssuesExampleQuery() throws Exception {
    AlertRule r = rule("{\"q\": \"CNE\", \"language\": \"es\"}");
    assertThat(r.matches(article("es", "Anuncio"))).isTrue();
    assertThat(r.matches(article("en", "Announcement"))).isFalse();
  }

  @Test
  void shouldFilterByEntityIdOrNameStanceAndSource() throws Exception {
    EnrichedArticle a = article("es", "Anuncio");
    assertThat(rule("{\"entity\": \"Q1\"}").matches(a)).isTrue();
    assertThat(rule("{\"entity\": [\"Q1\", \"Q2\"]}").matches(a)).isFalse();
    assertThat(rule("{\"entityAny\": [\"Q2\", \"consejo nacional electoral\"]}").matches(a))
        .isTrue();
    assertThat(rule("{\"stance\": \"maduro-government:against\"}").matches(a)).isTrue();
    assertThat(rule("{\"stance\": {\"maduro-government\": \"favor\"}}").matches(a)).isFalse();
    assertThat(rule("{\"source\": [\"Other\", \"Test Source\"]}").matches(a)).isTrue();
    assertThat(rule("{\"source\": \"Other\"}").matches(a)).isFalse();
  }

  @Test
  void shouldMatchAStoryRuleOnlyOnceItReachesEnoughSources() throws Exception {
    AlertRule r = rule("{\"storySources\": 3}");
    EnrichedArticle a = article("es", "Anuncio");
    a.getDedup().setStorySources(2);
    assertThat(r.matches(a)).isFalse();
    a.getDedup().setStorySources(3);
    assertThat(r.matches(a)).isTrue();
  }

  @Test
  void shouldRefuseUnknownFieldsPagingAndBadStanceLabels() {
    assertThatThrownBy(() -> rule("{\"langauge\": \"es\"}"))
        .hasMessageContaining("unknown query field 'langauge'");
    assertThatThrownBy(() -> rule("{\"stance\": \"x:maybe\"}"))
        .hasMessageContaining("favor, against or neutral");
    assertThatThrownBy(() -> rule("{\"size\": 10}")).hasMessageContaining("'size' pages a search");
    assertThatThrownBy(() -> rule("{\"storySources\": \"many\"}"))
        .hasMessageContaining("storySources");
    assertThatThrownBy(() -> rule("{\"since\": \"yesterday\"}")).hasMessageContaining("2024-07-28");
  }

  @Test
  void shouldStemAsTheSearchDoes() throws Exception {
    // The search finds "presidenciales" for "presidencial" (Spanish stemming); so does a
    // subscription.
    EnrichedArticle a = article("es", "Elecciones presidenciales");
    assertThat(rule("{\"q\": \"presidencial\"}").matches(a)).isTrue();
    assertThat(rule("{\"q\": \"presidencial -cne\"}").matches(a)).isFalse();
    assertThat(rule("{\"q\": \"presidencial | béisbol\"}").matches(a)).isTrue();
  }

  @Test
  void shouldTakeTheSearchFiltersStorySinceUntilAndDuplicates() throws Exception {
    EnrichedArticle a = article("es", "Anuncio");
    a.getArticle().setPublishedAt(java.time.Instant.parse("2024-07-29T10:00:00Z"));
    assertThat(rule("{\"story\": \"" + a.getDedup().getStoryId() + "\"}").matches(a)).isTrue();
    assertThat(rule("{\"story\": \"other\"}").matches(a)).isFalse();
    assertThat(rule("{\"since\": \"2024-07-29\", \"until\": \"2024-07-29\"}").matches(a)).isTrue();
    assertThat(rule("{\"since\": \"2024-07-30\"}").matches(a)).isFalse();
    a.getDedup().setStatus(io.vigia.schemas.DedupStatus.DUPLICATE);
    a.getDedup().setDuplicateOf("original-id");
    assertThat(rule("{\"q\": \"CNE\"}").matches(a))
        .as("a copy is hidden, as in the search")
        .isFalse();
    assertThat(rule("{\"q\": \"CNE\", \"duplicates\": true}").matches(a)).isTrue();
  }

  @Test
  void shouldRoundTripThroughJson() throws Exception {
    String json =
        "{\"q\":\"CNE -fraude\",\"language\":[\"es\"],\"entity\":[\"Q1\"],\"stance\":{\"maduro-government\":\"against\"},\"storySources\":2}";
    assertThat(rule(json).toJson()).isEqualTo(Json.MAPPER.readTree(json));
  }

  /** Two outlets' turnout (or other quantity) for one election, as enrich reports a conflict. */
  static io.vigia.schemas.FigureConflict conflict(String quantity, double a, double b) {
    return io.vigia.schemas.FigureConflict.newBuilder()
        .setQuantity(quantity)
        .setSubject("2025 regional elections")
        .setValues(List.of(value(a, "Diario Uno", "vigia:org/cne"), value(b, "Diario Dos", null)))
        .build();
  }

  private static io.vigia.schemas.ConflictingValue value(
      double v, String source, String attributedTo) {
    return io.vigia.schemas.ConflictingValue.newBuilder()
        .setValue(v)
        .setClaims(
            List.of(
                io.vigia.schemas.FigureClaim.newBuilder()
                    .setArticleId("id-" + source.hashCode())
                    .setSource(source)
                    .setAttributedTo(attributedTo)
                    .setText(v * 100 + " %")
                    .build()))
        .build();
  }

  @Test
  void shouldMatchAFigureConflictRuleOnlyOnAStoryWithAConflictOfItsQuantity() throws Exception {
    EnrichedArticle a = article("es", "Participación");
    AlertRule any = rule("{\"figureConflict\": true}");
    AlertRule turnout = rule("{\"figureConflict\": true, \"quantity\": \"turnout\"}");
    AlertRule turnoutInEnglish =
        rule("{\"figureConflict\": true, \"quantity\": \"turnout\", \"language\": \"en\"}");
    assertThat(any.isStoryRule()).isTrue();
    assertThat(any.matches(a)).as("no conflict yet").isFalse();

    a.setFigureConflicts(List.of(conflict("governorships-won", 18, 20)));
    assertThat(any.matches(a)).isTrue();
    assertThat(turnout.matches(a)).as("a conflict of another quantity").isFalse();

    a.setFigureConflicts(
        List.of(conflict("governorships-won", 18, 20), conflict("turnout", 0.418, 0.4226)));
    assertThat(turnout.matches(a)).isTrue();
    assertThat(turnoutInEnglish.matches(a)).as("the search filters hold as well").isFalse();
  }

  @Test
  void shouldLetACopyFireAFigureConflictRuleUnlessDuplicatesSaysNo() throws Exception {
    EnrichedArticle copy = article("es", "Participación");
    copy.setFigureConflicts(List.of(conflict("turnout", 0.418, 0.4226)));
    copy.getDedup().setStatus(io.vigia.schemas.DedupStatus.DUPLICATE);
    copy.getDedup().setDuplicateOf("original-id");
    assertThat(rule("{\"figureConflict\": true}").matches(copy)).isTrue();
    assertThat(rule("{\"figureConflict\": true, \"duplicates\": false}").matches(copy)).isFalse();
  }

  @Test
  void shouldRefuseABadFigureConflictRule() {
    assertThatThrownBy(() -> rule("{\"figureConflict\": \"yes\"}"))
        .hasMessageContaining("'figureConflict' must be true or false");
    assertThatThrownBy(() -> rule("{\"figureConflict\": true, \"quantity\": 3}"))
        .hasMessageContaining("'quantity' must be a string");
    assertThatThrownBy(() -> rule("{\"figureConflict\": true, \"quantity\": [\"turnout\"]}"))
        .hasMessageContaining("'quantity' must be a string");
    assertThatThrownBy(() -> rule("{\"figureConflict\": true, \"quantity\": \"Turn out\"}"))
        .hasMessageContaining("lower case");
    assertThatThrownBy(() -> rule("{\"quantity\": \"turnout\"}"))
        .hasMessageContaining("add \"figureConflict\": true");
  }

  @Test
  void shouldRoundTripAFigureConflictRuleThroughJson() throws Exception {
    AlertRule r = rule("{\"figureConflict\": true, \"quantity\": \"turnout\", \"entity\": \"Q1\"}");
    assertThat(rule(r.toJson().toString())).isEqualTo(r);
    assertThat(r.toJson().path("quantity").asText()).isEqualTo("turnout");
    assertThat(rule("{\"figureConflict\": false}").isStoryRule())
        .as("false is no figure conflict condition")
        .isFalse();
    assertThat(rule("{\"figureConflict\": true}")).isNotEqualTo(rule("{}"));
  }
}
