package io.vigia.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTest {
  private final FeedReader reader = new FeedReader();

  @Test
  void shouldReadAnRss091FeedWithTheNetscapeDoctype() throws Exception {
    String xml = """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
        <rss version="0.91"><channel><title>Diario</title><link>https://diario.example/</link><description>d</description>
        <language>es</language>
        <item><title>Elecciones en Mérida</title><link>/politica/merida.html</link><description>x</description></item>
        </channel></rss>
        """;
    List<FeedItem> items = reader.read("https://diario.example/rss.xml", xml.getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(1, items.size());
    assertEquals("https://diario.example/politica/merida.html", items.get(0).link());
    assertEquals("Elecciones en Mérida", items.get(0).title());
  }

  @Test
  void shouldDecodeWindows1252FromTheXmlDeclaration() throws Exception {
    String xml = """
        <?xml version="1.0" encoding="windows-1252"?>
        <rss version="2.0"><channel><title>c</title><link>https://x.example/</link><description>d</description>
        <item><title>“Participación” en Táchira</title><link>https://x.example/a</link></item></channel></rss>
        """;
    List<FeedItem> items = reader.read("https://x.example/feed", xml.getBytes(Charset.forName("windows-1252")));
    assertEquals("“Participación” en Táchira", items.get(0).title());
  }

  @Test
  void shouldRefuseAnExternalEntity() {
    String xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&xxe;</title><link>https://x.example/</link><description>d</description></channel></rss>
        """;
    assertThrows(FeedReader.FeedException.class, () -> reader.read("https://x.example/feed", xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldRefuseBillionLaughsQuickly() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    String prev = "lol";
    for (int i = 1; i <= 9; i++) {
      sb.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        sb.append('&').append(prev).append(';');
      }
      sb.append("\">");
      prev = "lol" + i;
    }
    sb.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
    byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
    assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(FeedReader.FeedException.class, () -> reader.read("https://x.example/feed", body)));
  }

  @Test
  void shouldRefuseADeeplyNestedFeedWithAReasonInsteadOfOverflowingTheStack() {
    String deep = "<a>".repeat(200_000) + "</a>".repeat(200_000);
    byte[] body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><description>" + deep
        + "</description></channel></rss>").getBytes(StandardCharsets.UTF_8);
    FeedReader.FeedException e = assertThrows(FeedReader.FeedException.class, () -> new FeedReader().read("http://example.org/f", body));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("nest"), e.getMessage());
  }
}
