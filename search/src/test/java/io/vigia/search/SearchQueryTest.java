package io.vigia.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchQueryTest {
  @Test
  void shouldMeanNoConditionForEveryFilterNotSet() {
    SearchQuery q = SearchQuery.builder().build();
    assertThat(q.q()).isNull();
    assertThat(q.entities()).isEmpty();
    assertThat(q.entitiesAny()).isEmpty();
    assertThat(q.stance()).isEmpty();
    assertThat(q.languages()).isEmpty();
    assertThat(q.sources()).isEmpty();
    assertThat(q.story()).isNull();
    assertThat(q.storySources()).isZero();
    assertThat(q.since()).isNull();
    assertThat(q.until()).isNull();
    assertThat(q.includeDuplicates()).isFalse();
    assertThat(q.from()).isZero();
    assertThat(q.size()).isEqualTo(10);
    assertThat(q.sort()).isEqualTo(SearchQuery.Sort.NEWEST);
    assertThat(q.relevance()).isEqualTo(SearchQuery.Relevance.RELEVANT);
  }

  @Test
  void shouldCarryEveryFilterSet() {
    Instant since = Instant.parse("2024-07-28T00:00:00Z");
    Instant until = Instant.parse("2024-07-30T00:00:00Z");
    SearchQuery q =
        SearchQuery.builder()
            .q("actas")
            .entities(List.of("Q1"))
            .entitiesAny(List.of("Q2", "Q3"))
            .stance(Map.of("maduro-government", "against"))
            .language("es")
            .source("a.example")
            .story("s-1")
            .storySources(3)
            .since(since)
            .until(until)
            .includeDuplicates(true)
            .page(20, 5)
            .sort(SearchQuery.Sort.OLDEST)
            .relevance(SearchQuery.Relevance.ANY)
            .build();
    assertThat(q)
        .isEqualTo(
            new SearchQuery(
                "actas",
                List.of("Q1"),
                List.of("Q2", "Q3"),
                Map.of("maduro-government", "against"),
                List.of("es"),
                List.of("a.example"),
                "s-1",
                3,
                since,
                until,
                true,
                20,
                5,
                SearchQuery.Sort.OLDEST,
                SearchQuery.Relevance.ANY));
  }

  @Test
  void shouldReadABlankLanguageOrSourceAsNoCondition() {
    SearchQuery q = SearchQuery.builder().language(" ").source(null).build();
    assertThat(q.languages()).isEmpty();
    assertThat(q.sources()).isEmpty();
  }

  @Test
  void shouldRefuseAPageBeyondTheLimitsWhenBuilt() {
    assertThatThrownBy(() -> SearchQuery.builder().page(0, SearchQuery.MAX_SIZE + 1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("size");
    assertThatThrownBy(() -> SearchQuery.builder().storySources(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("storySources");
  }

  @Test
  void shouldListOneStoryWithItsCopies() {
    SearchQuery q = SearchQuery.story("s-9", SearchQuery.Relevance.OFF_TOPIC, 4, 8, null);
    assertThat(q.story()).isEqualTo("s-9");
    assertThat(q.includeDuplicates()).isTrue();
    assertThat(q.relevance()).isEqualTo(SearchQuery.Relevance.OFF_TOPIC);
    assertThat(q.from()).isEqualTo(4);
    assertThat(q.size()).isEqualTo(8);
    assertThat(q.sort()).isEqualTo(SearchQuery.Sort.NEWEST);
  }
}
