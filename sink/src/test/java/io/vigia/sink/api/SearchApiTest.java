package io.vigia.sink.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.http.HttpError;
import io.vigia.common.http.Request;
import io.vigia.sink.index.SearchQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchApiTest {
  private static Request get(Map<String, List<String>> params) {
    return new Request("GET", "/api/articles", Map.of(), params, Map.of(), new byte[0]);
  }

  @Test
  void shouldRefusePagesBeyondTheDeepestOneWithAFixNotAServerError() {
    assertThat(SearchApi.parse(get(Map.of("from", List.of("9900"), "size", List.of("100")))).from()).isEqualTo(9900);
    assertThatThrownBy(() -> SearchApi.parse(get(Map.of("from", List.of("10000"), "size", List.of("100")))))
        .isInstanceOfSatisfying(HttpError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).contains("at most " + SearchQuery.MAX_FROM).contains("since/until");
        });
  }
}
