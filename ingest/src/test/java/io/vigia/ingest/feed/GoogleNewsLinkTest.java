package io.vigia.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoogleNewsLinkTest {

  /** An article id the way Google News builds the older ones: 08 13 22 LEN URL D2 01 00. */
  private static String idFor(String url) {
    byte[] u = url.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x08);
    out.write(0x13);
    out.write(0x22);
    int len = u.length;
    while (len >= 0x80) {
      out.write((len & 0x7F) | 0x80);
      len >>>= 7;
    }
    out.write(len);
    out.writeBytes(u);
    out.writeBytes(new byte[] {(byte) 0xD2, 0x01, 0x00});
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  @Test
  void shouldReadThePublisherUrlOutOfAnArticleLink() {
    String url = "https://www.diario.example/politica/2024/07/29/el-cne-proclama-resultados/";
    String link = "https://news.google.com/rss/articles/" + idFor(url) + "?oc=5&hl=es-419&gl=VE&ceid=VE:es-419";
    assertEquals(Optional.of(url), GoogleNewsLink.publisherUrl(link));
  }

  @Test
  void shouldReadLongPublisherUrlsWhoseLengthTakesTwoBytes() {
    String url = "https://www.wire.example/world/americas/" + "a".repeat(200) + "/";
    assertEquals(Optional.of(url), GoogleNewsLink.publisherUrl("https://news.google.com/articles/" + idFor(url)));
  }

  @Test
  void shouldLeaveOtherLinksAndOpaqueIdsAlone() {
    assertFalse(GoogleNewsLink.isGoogleNews("https://www.diario.example/news.google.com/articles/x"));
    assertTrue(GoogleNewsLink.isGoogleNews("https://news.google.com/rss/articles/CBMiAU_yqLx"));
    assertEquals(Optional.empty(), GoogleNewsLink.publisherUrl("https://news.google.com/rss/articles/CBMiAU_yqLx?oc=5"));
    assertEquals(Optional.empty(), GoogleNewsLink.publisherUrl("https://news.google.com/rss/search?q=CNE"));
    assertEquals(Optional.empty(), GoogleNewsLink.publisherUrl("https://news.google.com/rss/articles/!!!"));
  }
}
