package io.vigia.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedReaderTest {
  private final FeedReader reader = new FeedReader();

  @Test
  void shouldReadAnRss091FeedWithTheNetscapeDoctype() throws Exception {
    String xml =
        """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
        <rss version="0.91"><channel><title>Diario</title><link>https://diario.example/</link><description>d</description>
        <language>es</language>
        <item><title>Elecciones en Mérida</title><link>/politica/merida.html</link><description>x</description></item>
        </channel></rss>
        """;
    List<FeedItem> items =
        reader.read("https://diario.example/rss.xml", xml.getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(1, items.size());
    assertEquals("https://diario.example/politica/merida.html", items.get(0).link());
    assertEquals("Elecciones en Mérida", items.get(0).title());
  }

  @Test
  void shouldDecodeWindows1252FromTheXmlDeclaration() throws Exception {
    String xml =
        """
        <?xml version="1.0" encoding="windows-1252"?>
        <rss version="2.0"><channel><title>c</title><link>https://x.example/</link><description>d</description>
        <item><title>“Participación” en Táchira</title><link>https://x.example/a</link></item></channel></rss>
        """;
    List<FeedItem> items =
        reader.read("https://x.example/feed", xml.getBytes(Charset.forName("windows-1252")));
    assertEquals("“Participación” en Táchira", items.get(0).title());
  }

  @Test
  void shouldRefuseAnExternalEntity() {
    String xml =
        """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&xxe;</title><link>https://x.example/</link><description>d</description></channel></rss>
        """;
    assertThrows(
        FeedReader.FeedException.class,
        () -> reader.read("https://x.example/feed", xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldRefuseBillionLaughsQuickly() {
    StringBuilder sb =
        new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
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
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThrows(
                FeedReader.FeedException.class, () -> reader.read("https://x.example/feed", body)));
  }

  @Test
  void shouldRefuseADeeplyNestedFeedWithAReasonInsteadOfOverflowingTheStack() {
    String deep = "<a>".repeat(200_000) + "</a>".repeat(200_000);
    byte[] body =
        ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><description>"
                + deep
                + "</description></channel></rss>")
            .getBytes(StandardCharsets.UTF_8);
    FeedReader.FeedException e =
        assertThrows(
            FeedReader.FeedException.class,
            () -> new FeedReader().read("http://example.org/f", body));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("nest"), e.getMessage());
  }

  @Test
  void shouldReadAGoogleNewsSitemapWithItsPublicationDateTitleAndLanguage() throws Exception {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
                xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
          <url>
            <loc>https://wire.example/world/americas/cne-sets-date-2024-03-05/</loc>
            <lastmod>2024-03-05T18:00:00Z</lastmod>
            <news:news>
              <news:publication><news:name>Wire</news:name><news:language>en</news:language></news:publication>
              <news:publication_date>2024-03-05T17:42:10+00:00</news:publication_date>
              <news:title>Venezuela's CNE sets the date</news:title>
            </news:news>
            <image:image><image:loc>https://wire.example/img/cne.jpg</image:loc></image:image>
          </url>
          <url><loc>/world/americas/second/</loc><lastmod>2024-03-05</lastmod></url>
        </urlset>
        """;
    FeedDocument d =
        reader.readDocument(
            "https://wire.example/sitemap-news.xml",
            xml.getBytes(StandardCharsets.UTF_8),
            "application/xml");
    FeedDocument.Items items = (FeedDocument.Items) d;
    assertEquals("sitemap", items.format());
    assertEquals(2, items.items().size());
    FeedItem first = items.items().get(0);
    assertEquals("https://wire.example/world/americas/cne-sets-date-2024-03-05/", first.link());
    assertEquals("Venezuela's CNE sets the date", first.title());
    assertEquals("en", first.language());
    assertEquals(Instant.parse("2024-03-05T17:42:10Z"), first.publishedAt());
    assertEquals("https://wire.example/world/americas/second/", items.items().get(1).link());
    assertEquals(Instant.parse("2024-03-05T00:00:00Z"), items.items().get(1).publishedAt());
  }

  @Test
  void shouldListTheSitemapsOfASitemapIndex() throws Exception {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>https://wire.example/sitemap-news-1.xml</loc><lastmod>2024-03-05T18:00+00:00</lastmod></sitemap>
          <sitemap><loc>/sitemap-news-2.xml</loc></sitemap>
        </sitemapindex>
        """;
    FeedDocument.SitemapIndex index =
        (FeedDocument.SitemapIndex)
            reader.readDocument(
                "https://wire.example/sitemap.xml", xml.getBytes(StandardCharsets.UTF_8), null);
    assertEquals(
        List.of(
            new FeedDocument.Sitemap(
                "https://wire.example/sitemap-news-1.xml", Instant.parse("2024-03-05T18:00:00Z")),
            new FeedDocument.Sitemap("https://wire.example/sitemap-news-2.xml", null)),
        index.sitemaps());
  }

  @Test
  void shouldRefuseAnEntityInASitemap() {
    String xml =
        """
        <?xml version="1.0"?>
        <!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/&xxe;</loc></url></urlset>
        """;
    assertThrows(
        FeedReader.FeedException.class,
        () ->
            reader.readDocument(
                "https://x.example/s.xml", xml.getBytes(StandardCharsets.UTF_8), null));
  }

  /**
   * The bytes, how they are labelled, and the title that must come out: a label in the HTTP header
   * only; Latin-1 bytes labelled UTF-8 (header and declaration); UTF-8 bytes the server calls
   * Latin-1.
   */
  @ParameterizedTest(name = "{0} bytes, declaration {1}, header {2}")
  @CsvSource({
    "ISO-8859-1, '', text/xml; charset=ISO-8859-1",
    "ISO-8859-1, '<?xml version=\"1.0\" encoding=\"UTF-8\"?>', application/rss+xml; charset=utf-8",
    "UTF-8, '<?xml version=\"1.0\" encoding=\"UTF-8\"?>', text/xml; charset=iso-8859-1"
  })
  void shouldReadSpanishTitlesRightWhateverTheLabelsSay(
      String bytes, String declaration, String contentType) throws Exception {
    String xml =
        declaration
            + """
        <rss version="2.0"><channel><title>c</title><link>https://x.example/</link><description>d</description>
        <item><title>Participación en Táchira, año electoral</title><link>https://x.example/a</link></item></channel></rss>
        """;
    List<FeedItem> items =
        ((FeedDocument.Items)
                reader.readDocument(
                    "https://x.example/feed", xml.getBytes(Charset.forName(bytes)), contentType))
            .items();
    assertEquals("Participación en Táchira, año electoral", items.get(0).title());
  }

  /**
   * A byte-order mark decides over every label: UTF-8, UTF-16BE and UTF-16LE with their BOM, each
   * under labels that name another charset.
   */
  @ParameterizedTest(name = "{0} with BOM, header {1}")
  @CsvSource({
    "UTF-8, text/xml; charset=windows-1252",
    "UTF-16BE, application/rss+xml; charset=utf-8",
    "UTF-16LE, text/xml; charset=iso-8859-1"
  })
  void shouldLetAByteOrderMarkDecideOverTheLabels(String charset, String contentType)
      throws Exception {
    String xml =
        """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <rss version="2.0"><channel><title>c</title><link>https://x.example/</link><description>d</description>
        <item><title>“Participación” en Táchira — año electoral</title><link>https://x.example/a</link></item></channel></rss>
        """;
    byte[] text = ("\uFEFF" + xml).getBytes(Charset.forName(charset));
    assertEquals(
        charset.equals("UTF-8") ? 0xEF : charset.equals("UTF-16BE") ? 0xFE : 0xFF,
        text[0] & 0xFF,
        "starts with its BOM");
    assertEquals(
        "“Participación” en Táchira — año electoral",
        FeedCharset.decode(text, contentType)
            .lines()
            .filter(l -> l.contains("<item>"))
            .findFirst()
            .orElseThrow()
            .replaceAll(".*<title>(.*)</title>.*", "$1"));
    List<FeedItem> items =
        ((FeedDocument.Items) reader.readDocument("https://x.example/feed", text, contentType))
            .items();
    assertEquals("“Participación” en Táchira — año electoral", items.get(0).title());
  }

  @Test
  void shouldReadFullTextAndMediaImagesAndPlainTitles() throws Exception {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
        <channel><title>c</title><link>https://x.example/</link><description>d</description><language>es-VE</language>
        <item><title><![CDATA[<b>Última hora:</b> el CNE &amp; los testigos]]></title><link>https://x.example/a</link>
          <guid isPermaLink="false">a-1</guid>
          <content:encoded><![CDATA[<p>Primer párrafo.</p><p>Segundo.</p>]]></content:encoded>
          <media:group><media:content url="/img/a.jpg" medium="image" width="800"/></media:group>
        </item>
        <item><title>Dos</title><link>https://x.example/b</link>
          <enclosure url="https://x.example/img/b.png" type="image/png" length="1"/></item>
        </channel></rss>
        """;
    List<FeedItem> items =
        reader.read("https://x.example/feed", xml.getBytes(StandardCharsets.UTF_8));
    assertEquals("Última hora: el CNE & los testigos", items.get(0).title());
    assertEquals("<p>Primer párrafo.</p><p>Segundo.</p>", items.get(0).content());
    assertEquals("https://x.example/img/a.jpg", items.get(0).image());
    assertEquals("es-VE", items.get(0).language());
    assertEquals("a-1", items.get(0).guid());
    assertEquals("https://x.example/img/b.png", items.get(1).image());
  }

  @Test
  void shouldReadRss090RdfAndAtom03() throws Exception {
    String rss090 =
        """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
          <channel><title>Old</title><link>https://old.example/</link><description>d</description></channel>
          <item><title>Uno</title><link>https://old.example/1</link></item>
        </rdf:RDF>
        """;
    String rss10 =
        """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://rdf.example/"><title>R</title><link>https://rdf.example/</link><description>d</description>
            <items><rdf:Seq><rdf:li rdf:resource="https://rdf.example/1"/></rdf:Seq></items></channel>
          <item rdf:about="https://rdf.example/1"><title>Uno</title><link>https://rdf.example/1</link><dc:date>2024-07-29T10:00:00Z</dc:date></item>
        </rdf:RDF>
        """;
    String atom03 =
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed version="0.3" xmlns="http://purl.org/atom/ns#">
          <title>A</title><link rel="alternate" type="text/html" href="https://atom.example/"/><modified>2024-07-29T10:00:00Z</modified>
          <entry><title>Uno</title><link rel="alternate" type="text/html" href="https://atom.example/1"/>
            <id>tag:atom.example,2024:1</id><issued>2024-07-29T10:00:00Z</issued><modified>2024-07-29T10:00:00Z</modified></entry>
        </feed>
        """;
    FeedDocument.Items a =
        (FeedDocument.Items)
            reader.readDocument(
                "https://old.example/f", rss090.getBytes(StandardCharsets.UTF_8), null);
    assertEquals("rss_0.9", a.format());
    assertEquals("https://old.example/1", a.items().get(0).link());
    FeedDocument.Items b =
        (FeedDocument.Items)
            reader.readDocument(
                "https://rdf.example/f", rss10.getBytes(StandardCharsets.UTF_8), null);
    assertEquals("rss_1.0", b.format());
    assertEquals(Instant.parse("2024-07-29T10:00:00Z"), b.items().get(0).publishedAt());
    FeedDocument.Items c =
        (FeedDocument.Items)
            reader.readDocument(
                "https://atom.example/f", atom03.getBytes(StandardCharsets.UTF_8), null);
    assertEquals("atom_0.3", c.format());
    assertEquals("https://atom.example/1", c.items().get(0).link());
  }
}
