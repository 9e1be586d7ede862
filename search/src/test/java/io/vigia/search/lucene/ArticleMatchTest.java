package io.vigia.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.search.SearchParameters;
import io.vigia.search.SearchQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One article matched in memory with the index's fields and analysers: what an alert subscription
 * fires on. Its agreement with the search over a whole index is {@code
 * ArticleMatchSearchParityTest} in the sink.
 */
class ArticleMatchTest {
  private static EnrichedArticle article(String lang, String title, String text) {
    EnrichedArticle e =
        SampleArticles.enriched(
            SampleArticles.raw("https://example.org/" + title.hashCode(), title, text)
                .setLanguage(lang)
                .setSource("Caribe Diario")
                .setPublishedAt(Instant.parse("2024-07-29T10:00:00Z"))
                .build());
    e.setEntities(
        List.of(
            Entity.newBuilder()
                .setId("vigia:org/cne")
                .setName("Consejo Nacional Electoral")
                .setType("ORG")
                .setMentions(1)
                .setFirstOffset(0)
                .setLinked(true)
                .build()));
    return e;
  }

  private static SearchQuery query(Map<String, List<String>> values) {
    return SearchParameters.parse(values, 0);
  }

  private final ArticleMatch spanish =
      ArticleMatch.of(
          article(
              "es", "Elecciones presidenciales", "El CNE anunció los resultados de la elección."));

  @Test
  void shouldMatchStemmedWordsWithAccentsIgnored() {
    assertThat(spanish.matches(query(Map.of("q", List.of("presidencial"))))).isTrue();
    assertThat(spanish.matches(query(Map.of("q", List.of("eleccion anuncio"))))).isTrue();
    assertThat(spanish.matches(query(Map.of("q", List.of("béisbol"))))).isFalse();
  }

  @Test
  void shouldApplyTheOperatorsOfTheQueryText() {
    assertThat(spanish.matches(query(Map.of("q", List.of("CNE -resultados"))))).isFalse();
    assertThat(spanish.matches(query(Map.of("q", List.of("beisbol OR cne"))))).isTrue();
    assertThat(spanish.matches(query(Map.of("q", List.of("\"anunció los resultados\""))))).isTrue();
  }

  @Test
  void shouldApplyEveryFilter() {
    assertThat(spanish.matches(query(Map.of("language", List.of("en"))))).isFalse();
    assertThat(spanish.matches(query(Map.of("entity", List.of("consejo nacional electoral")))))
        .isTrue();
    assertThat(spanish.matches(query(Map.of("source", List.of("Caribe Diario"))))).isTrue();
    assertThat(spanish.matches(query(Map.of("since", List.of("2024-07-30"))))).isFalse();
    assertThat(spanish.matches(query(Map.of("storySources", List.of("2"))))).isFalse();
  }

  @Test
  void shouldLeaveOutCopiesUnlessAsked() {
    EnrichedArticle copy = article("es", "Copia", "El CNE anunció los resultados.");
    copy.getDedup().setStatus(DedupStatus.DUPLICATE);
    copy.getDedup().setDuplicateOf("original");
    ArticleMatch m = ArticleMatch.of(copy);
    assertThat(m.matches(query(Map.of("q", List.of("CNE"))))).isFalse();
    assertThat(m.matches(query(Map.of("q", List.of("CNE"), "duplicates", List.of("true")))))
        .isTrue();
  }
}
