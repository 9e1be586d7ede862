package io.vigia.common.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

  @Test
  void shouldDropTrackingParametersFragmentsAndDefaultPorts() {
    assertThat(
            CanonicalUrl.normalise(
                "HTTPS://Example.ORG:443/politica/nota.html?utm_source=rss&utm_medium=feed&id=7#comentarios"))
        .contains("https://example.org/politica/nota.html?id=7");
  }

  @Test
  void shouldGiveTheSameIdToTheSameArticleReachedThroughDifferentLinks() {
    String a = CanonicalUrl.normalise("https://example.org/a?fbclid=xyz").orElseThrow();
    String b = CanonicalUrl.normalise("https://example.org/a?utm_campaign=n").orElseThrow();
    assertThat(CanonicalUrl.idOf(a)).isEqualTo(CanonicalUrl.idOf(b)).hasSize(32);
  }

  @Test
  void shouldKeepMeaningfulParametersInAStableOrder() {
    assertThat(CanonicalUrl.normalise("http://example.org/q?b=2&a=1"))
        .contains("http://example.org/q?a=1&b=2");
  }

  @Test
  void shouldRefuseWhatIsNotAnAbsoluteHttpUrl() {
    assertThat(CanonicalUrl.normalise("file:///etc/passwd")).isEmpty();
    assertThat(CanonicalUrl.normalise("/relative/path")).isEmpty();
    assertThat(CanonicalUrl.normalise("javascript:alert(1)")).isEmpty();
    assertThat(CanonicalUrl.normalise(null)).isEmpty();
  }
}
