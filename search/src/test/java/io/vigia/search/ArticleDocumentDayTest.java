package io.vigia.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleDocumentDayTest {
  private static ArticleDocument published(String at, Integer offsetSeconds) {
    Instant t = at == null ? null : Instant.parse(at);
    return new ArticleDocument(
            "a",
            "a",
            "https://x.example/a",
            null,
            "t",
            null,
            t,
            t,
            t,
            "es",
            "s",
            null,
            "text",
            null,
            null,
            null,
            "original",
            null,
            null,
            1,
            0.9,
            List.of(),
            List.of(),
            1,
            0)
        .withPublishedOffsetSeconds(offsetSeconds);
  }

  @Test
  void shouldPutAnEveningStoryOnTheDayOfTheOffsetItsPageStated() {
    assertThat(published("2024-07-29T02:10:00Z", -4 * 3600).publishedDay()).isEqualTo("2024-07-28");
    assertThat(published("2024-07-29T02:10:00Z", -3 * 3600).publishedDay()).isEqualTo("2024-07-28");
    assertThat(published("2024-07-29T05:30:00Z", -5 * 3600).publishedDay()).isEqualTo("2024-07-29");
  }

  @Test
  void shouldUseTheUtcDayWhenThePageStatedNoOffset() {
    assertThat(published("2024-07-29T02:10:00Z", null).publishedDay()).isEqualTo("2024-07-29");
    assertThat(published(null, null).publishedDay()).isNull();
  }
}
