package io.vigia.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoogleNewsLinkTest {

  @Test
  void shouldReadThePublisherUrlOutOfAnArticleLink() {
    String url = "https://www.diario.example/politica/2024/07/29/el-cne-proclama-resultados/";
    String link = GoogleNewsIds.articleLink(url) + "&hl=es-419&gl=VE&ceid=VE:es-419";
    assertEquals(Optional.of(url), GoogleNewsLink.publisherUrl(link));
  }

  @Test
  void shouldReadLongPublisherUrlsWhoseLengthTakesTwoBytes() {
    String url = "https://www.wire.example/world/americas/" + "a".repeat(200) + "/";
    assertEquals(Optional.of(url), GoogleNewsLink.publisherUrl(GoogleNewsIds.articleLink(url)));
  }

  @Test
  void shouldLeaveOtherLinksAndOpaqueIdsAlone() {
    assertFalse(
        GoogleNewsLink.isGoogleNews("https://www.diario.example/news.google.com/articles/x"));
    assertTrue(GoogleNewsLink.isGoogleNews("https://news.google.com/rss/articles/CBMiAU_yqLx"));
    assertEquals(
        Optional.empty(),
        GoogleNewsLink.publisherUrl("https://news.google.com/rss/articles/CBMiAU_yqLx?oc=5"));
    assertEquals(
        Optional.empty(), GoogleNewsLink.publisherUrl("https://news.google.com/rss/search?q=CNE"));
    assertEquals(
        Optional.empty(), GoogleNewsLink.publisherUrl("https://news.google.com/rss/articles/!!!"));
  }
}
