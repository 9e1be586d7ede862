package io.vigia.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.http.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one parser of the search vocabulary, as query parameters and as a subscription's JSON. */
class SearchParametersTest {
  private static SearchQuery parse(Map<String, List<String>> values) {
    return SearchParameters.parse(values, 20);
  }

  @Test
  void shouldReadEveryFilterWithItsDefaults() {
    SearchQuery q =
        parse(
            Map.of(
                "q", List.of("CNE"),
                "language", List.of("ES", "en"),
                "stance", List.of("maduro-government:Against"),
                "since", List.of("2024-07-01"),
                "until", List.of("2024-07-31")));
    assertThat(q.q()).isEqualTo("CNE");
    assertThat(q.languages()).containsExactly("es", "en");
    assertThat(q.stance()).containsEntry("maduro-government", "against");
    assertThat(q.since()).isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
    assertThat(q.until()).isAfter(Instant.parse("2024-07-31T00:00:00Z"));
    assertThat(q.size()).isEqualTo(20);
    assertThat(q.sort()).isEqualTo(SearchQuery.Sort.NEWEST);
    assertThat(q.includeDuplicates()).isFalse();
  }

  @Test
  void shouldCountCopiesInAStoryRuleUnlessToldOtherwise() {
    assertThat(parse(Map.of("storySources", List.of("3"))).includeDuplicates()).isTrue();
    assertThat(
            parse(Map.of("storySources", List.of("3"), "duplicates", List.of("false")))
                .includeDuplicates())
        .isFalse();
  }

  @Test
  void shouldListArticlesMarkedOffTopicOnlyWhenAsked() {
    assertThat(parse(Map.of()).relevance()).isEqualTo(SearchQuery.Relevance.RELEVANT);
    assertThat(parse(Map.of("relevant", List.of("false"))).relevance())
        .isEqualTo(SearchQuery.Relevance.OFF_TOPIC);
    assertThat(parse(Map.of("relevant", List.of("any"))).relevance())
        .isEqualTo(SearchQuery.Relevance.ANY);
    assertThatThrownBy(() -> parse(Map.of("relevant", List.of("maybe"))))
        .hasMessageContaining("'relevant' must be true");
    assertThatThrownBy(
            () -> SearchParameters.fromJson(Json.MAPPER.readTree("{\"relevant\": \"false\"}")))
        .hasMessageContaining("unknown query field");
  }

  @Test
  void shouldSayHowToFixWhatItCannotUse() {
    assertThatThrownBy(() -> parse(Map.of("stance", List.of("maduro-government"))))
        .hasMessageContaining("target:label");
    assertThatThrownBy(() -> parse(Map.of("stance", List.of("maduro-government:angry"))))
        .hasMessageContaining("favor, against or neutral");
    assertThatThrownBy(() -> parse(Map.of("from", List.of("9990"), "size", List.of("20"))))
        .hasMessageContaining("narrow the search");
    assertThatThrownBy(
            () -> parse(Map.of("since", List.of("2024-08-01"), "until", List.of("2024-07-01"))))
        .hasMessageContaining("'since' must not be after 'until'");
  }

  @Test
  void shouldReadASubscriptionsQueryAndWriteItBackTheSame() throws Exception {
    String json =
        "{\"q\":\"CNE\",\"entity\":[\"vigia:org/cne\"],\"stance\":{\"maduro-government\":\"favor\"},"
            + "\"storySources\":3}";
    SearchQuery q =
        SearchParameters.parse(SearchParameters.fromJson(Json.MAPPER.readTree(json)), 0);
    assertThat(q.storySources()).isEqualTo(3);
    assertThat(q.entities()).containsExactly("vigia:org/cne");
    SearchQuery again =
        SearchParameters.parse(SearchParameters.fromJson(SearchParameters.toJson(q)), 0);
    assertThat(again).isEqualTo(q);
  }

  @Test
  void shouldRefuseUnknownAndPagingKeysInASubscriptionSoATypoNeverWidensIt() {
    assertThatThrownBy(() -> SearchParameters.fromJson(Json.MAPPER.readTree("{\"qq\": \"x\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("qq");
    assertThatThrownBy(() -> SearchParameters.fromJson(Json.MAPPER.readTree("{\"size\": 5}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("size");
  }

  @Test
  void shouldReadTheCapitalisedOperatorsOfOtherSearchBoxes() {
    assertThat(QueryText.normalize("CNE OR actas AND \u201cvoto nulo\u201d NOT fraude"))
        .isEqualTo("CNE | actas + \"voto nulo\" -fraude");
  }
}
