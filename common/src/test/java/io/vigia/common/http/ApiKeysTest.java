package io.vigia.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.config.Config;
import io.vigia.common.config.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

  private static Request withHeaders(Map<String, List<String>> headers) {
    return new Request("POST", "/x", Map.of(), Map.of(), headers, new byte[0]);
  }

  @Test
  void shouldNameTheAuthorAnonymousWhenNoKeyIsSet() {
    ApiKeys keys = ApiKeys.from(Config.defaults());
    assertThat(keys.required()).isFalse();
    assertThat(keys.author(withHeaders(Map.of()))).isEqualTo(ApiKeys.ANONYMOUS);
  }

  @Test
  void shouldNameTheSingleKeyDefaultAndNamedKeysByTheirName() {
    Config config =
        Config.builder()
            .yaml("http:\n  api-key: k0\n  api-keys: {alice: k1, news-desk: k2}\n")
            .build();
    ApiKeys keys = ApiKeys.from(config);
    assertThat(keys.required()).isTrue();
    assertThat(keys.author(withHeaders(Map.of("Authorization", List.of("Bearer k0")))))
        .isEqualTo("default");
    assertThat(keys.author(withHeaders(Map.of("authorization", List.of("Bearer k1")))))
        .isEqualTo("alice");
    assertThat(keys.author(withHeaders(Map.of("X-Api-Key", List.of("k2"))))).isEqualTo("news-desk");
    assertThat(keys.nameOf(h -> h.equals("X-Api-Key") ? "nope" : null)).isEmpty();
  }

  @Test
  void shouldReadNamedKeysFromTheEnvironment() {
    Config config = Config.builder().env(Map.of("VIGIA_HTTP_API_KEYS", "{bob: s3cret}")).build();
    assertThat(ApiKeys.from(config).nameOf(h -> h.equals("X-Api-Key") ? "s3cret" : null))
        .contains("bob");
  }

  @Test
  void shouldRefuseTwoNamesForOneKeyAndBadNames() {
    assertThatThrownBy(
            () ->
                ApiKeys.from(
                    Config.builder().yaml("http:\n  api-keys: {alice: same, bob: same}\n").build()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("same key")
        .hasMessageContaining("http.api-keys");
    assertThatThrownBy(() -> ApiKeys.of(Map.of("has space", "k")))
        .hasMessageContaining("short word");
    assertThatThrownBy(
            () ->
                ApiKeys.from(
                    Config.builder()
                        .yaml("http:\n  api-key: a\n  api-keys: {default: b}\n")
                        .build()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("default");
  }
}
