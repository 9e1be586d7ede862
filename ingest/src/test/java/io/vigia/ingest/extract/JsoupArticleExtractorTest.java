package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class JsoupArticleExtractorTest {
  private final JsoupArticleExtractor extractor = new JsoupArticleExtractor();

  private static final String STORY =
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8">
      <title>Observers ask for the tally sheets | The Caracas Ledger</title>
      <meta property="og:site_name" content="The Caracas Ledger">
      <meta property="og:image" content="/img/lead.jpg">
      <link rel="canonical" href="https://ledger.example/2024/07/30/tally-sheets?utm_source=x">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Ledger"},
        {"@type":"NewsArticle","headline":"Observers ask for the tally sheets","datePublished":"2024-07-30T09:15:00-04:00",
         "author":[{"@type":"Person","name":"Ana Rivas"}]}]}</script></head>
      <body><header class="site-header"><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
      <div class="share-bar"><a href="#">Share on X</a> <a href="#">Facebook</a></div>
      <main><article class="story"><h1>Observers ask for the tally sheets</h1>
      <div class="story-body">
      <p>International observers asked the electoral council on Tuesday to publish the tally sheets, polling station by polling station, before the result is certified.</p>
      <figure><img src="/a.jpg"><figcaption>Voters queue in Caracas. (Photo: Agency)</figcaption></figure>
      <p>The opposition says its own count, built from copies of the sheets its witnesses collected, shows a different result, and it has published the scans online.</p>
      <div class="newsletter-signup"><p>Sign up for our morning briefing, every weekday in your inbox.</p></div>
      <p>The council said it would answer within the legal deadline, which ends on Friday, and that the count was final.</p>
      <p>© Copyright 2024 The Caracas Ledger. All rights reserved.</p>
      </div>
      <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">A story about something else entirely</a></li></ul></aside>
      <section id="comments"><p>Great article, thanks for sharing this with everyone who reads it.</p></section>
      </article></main><footer>About us · Contact · Privacy</footer></body></html>
      """;

  @Test
  void shouldExtractTheStoryAndItsMetadataWithoutTheSiteAround() {
    ExtractedPage p =
        extractor.extract("https://ledger.example/x", STORY.getBytes(StandardCharsets.UTF_8), null);

    assertThat(p.isArticle()).isTrue();
    assertThat(p.title()).isEqualTo("Observers ask for the tally sheets");
    assertThat(p.byline()).isEqualTo("Ana Rivas");
    assertThat(p.publishedAt()).isEqualTo(OffsetDateTime.parse("2024-07-30T09:15:00-04:00"));
    assertThat(p.language()).isEqualTo("en");
    assertThat(p.siteName()).isEqualTo("The Caracas Ledger");
    assertThat(p.leadImage()).isEqualTo("https://ledger.example/img/lead.jpg");
    assertThat(p.canonicalUrl()).startsWith("https://ledger.example/2024/07/30/tally-sheets");
    assertThat(p.text().split("\n\n"))
        .containsExactly(
            "International observers asked the electoral council on Tuesday to publish the tally sheets, polling station by polling station, before the result is certified.",
            "The opposition says its own count, built from copies of the sheets its witnesses collected, shows a different result, and it has published the scans online.",
            "The council said it would answer within the legal deadline, which ends on Friday, and that the count was final.");
  }

  @Test
  void shouldReadSpanishVisibleDatesDetectTheLanguageAndDropRepublisherLines() {
    String html =
        """
        <html><head><title>Nota</title></head><body>
        <div class="nota"><h1>El CNE publica el cronograma electoral completo</h1>
        <span class="fecha">Caracas, 29 de julio de 2024</span>
        <p>We support our Publishers and Content Creators. You can view this story on their website by CLICKING HERE.</p>
        <p>El Consejo Nacional Electoral publicó este lunes el cronograma de las elecciones, con las fechas de inscripción de los candidatos y de la campaña.</p>
        <p>Los partidos de la oposición dijeron que revisarán los plazos y que pedirán más tiempo para los votantes que viven fuera del país.</p>
        </div></body></html>
        """;
    ExtractedPage p =
        extractor.extract(
            "https://diario.example/nota", html.getBytes(StandardCharsets.UTF_8), null);

    assertThat(p.title()).isEqualTo("El CNE publica el cronograma electoral completo");
    assertThat(p.publishedAt()).isEqualTo(OffsetDateTime.parse("2024-07-29T00:00Z"));
    assertThat(p.language()).as("no lang attribute: detected from the words").isEqualTo("es");
    assertThat(p.text())
        .startsWith("El Consejo Nacional Electoral publicó")
        .doesNotContain("CLICKING HERE");
  }

  @Test
  void shouldReadTextWrittenBetweenBrsAsParagraphs() {
    ExtractedPage p =
        extractor.extract(
            "https://vale.example/saude/arrombamento", fixture("br-paragraphs.html"), null);

    assertThat(p.text().split("\n\n"))
        .as("the byline and date line above the text is not text either")
        .containsExactly(
            "A equipe da unidade de atendimento do bairro registrou nesta manhã o arrombamento de dois dos cinco carros, que estavam sem as baterias e com marcas de depredação.",
            "Segundo a coordenação, o atendimento aos pacientes não foi interrompido, mas as visitas domiciliares da tarde foram remarcadas para a próxima semana. "
                + "Um boletim de ocorrência foi registrado e a polícia investiga o caso, que é o terceiro do ano na mesma rua.");
  }

  @Test
  void shouldLeaveOutBylineAndDateLinesPrintedInsideTheStory() {
    String html =
        """
        <html><head><meta name="author" content="Ana Rivas"></head><body><article><h1>The council certifies the count</h1>
        <p class="meta">By Ana Rivas · July 29, 2024 2:30 a.m. · Updated 14:30</p>
        <p>The electoral council certified the count on Monday, three days after the vote, and said the result was final.</p>
        <p>Observers said they had not been given the tally sheets they asked for, and that they would publish their own report.</p>
        <p>Ana Rivas, Political Writer</p>
        </article></body></html>
        """;
    ExtractedPage p =
        extractor.extract(
            "https://ledger.example/count", html.getBytes(StandardCharsets.UTF_8), null);

    assertThat(p.byline()).isEqualTo("Ana Rivas");
    assertThat(p.text())
        .startsWith("The electoral council certified")
        .endsWith("publish their own report.");
  }

  @Test
  void shouldKeepAPostQuotedFromASocialNetworkButNotTheShareBar() {
    String html =
        """
        <html><body><article><h1>A campaign slogan becomes a joke overnight</h1><div class="entry-content">
        <div class="social-share"><a href="https://x.example/share">Share on X</a> <a href="https://fb.example/share">Share on Facebook</a></div>
        <p>The state's new anti-drug campaign, which cost nearly half a million dollars, was mocked online within hours of its launch.</p>
        <div class="social-media-embed"><blockquote class="twitter-tweet"><p>Yes, this is real, and yes, the state paid for it with our money.</p>
        — A Reader (@areader) November 18, 2019</blockquote></div>
        <p>The governor defended the slogan on Tuesday, saying that it had got everyone talking about the problem, which was the point.</p>
        </div></article></body></html>
        """;
    ExtractedPage p =
        extractor.extract(
            "https://news.example/slogan", html.getBytes(StandardCharsets.UTF_8), null);

    assertThat(p.text())
        .contains("Yes, this is real, and yes, the state paid for it with our money.")
        .doesNotContain("Share on");
  }

  @Test
  void shouldKeepListItemsThatStartWithALinkButDropALinkList() {
    String html =
        """
        <html><body><article><h1>Five things in tech you need to know today</h1><div class="post-content">
        <p>Good morning, and welcome to the briefing: this is the tech news you need to know this Tuesday, in five items.</p>
        <ol>
        <li><strong><a href="/a">The state attorney general is investigating the shared-office company amid layoffs and a collapsed listing.</a></strong> The company confirmed that it had been contacted, and the inquiry will focus on its founder.</li>
        <li><strong><a href="/b">A new game in a famous series is finally coming out after twelve years of waiting and many rumours.</a></strong> The catch is that it is for virtual reality only; the studio calls it its flagship.</li>
        </ol>
        <p>That is all for today: we will be back tomorrow morning with more of the stories that matter, as usual.</p>
        <ul><li><a href="/c">Read this: the phone makers' new folding screens, compared</a></li>
        <li><a href="/d">Read this: why the chip shortage is not over yet, explained</a></li></ul>
        </div></article></body></html>
        """;
    ExtractedPage p =
        extractor.extract(
            "https://news.example/five-things", html.getBytes(StandardCharsets.UTF_8), null);

    assertThat(p.text())
        .contains(
            "The company confirmed that it had been contacted",
            "The catch is that it is for virtual reality only")
        .doesNotContain("Read this");
  }

  @Test
  void shouldLeaveOutAHoverCardOfLinksInsideASentence() {
    String html =
        """
        <html><body><article><h1>A governor defends an anti-drug campaign</h1><div class="body">
        <p>The state's governor, <span class="person"><a href="/people/gov">Jane Doe</a><span class="person-card"><a href="/people/gov">Jane Q. Doe</a>
        <a href="/1">Governor doubles down on campaign</a> <a href="/2">State drops protest laws after lawsuit</a> <a href="/3">MORE</a></span></span>,
        is defending the campaign, which cost nearly half a million dollars, after it was widely mocked online this week.</p>
        <p>She said on Tuesday that the slogan had got people talking about the problem, which she said was the whole point of it.</p>
        </div></article></body></html>
        """;
    ExtractedPage p =
        extractor.extract(
            "https://news.example/campaign", html.getBytes(StandardCharsets.UTF_8), null);

    assertThat(p.text())
        .contains("The state's governor, Jane Doe, is defending the campaign")
        .doesNotContain("protest laws");
  }

  @Test
  void shouldLeaveOutControlsAndWidgetLabelsButNotSentencesStartingTheSameWay() {
    String html =
        """
        <html><body><article><h1>The new lander will carry four instruments</h1><div class="body">
        <div class="gallery"><span>Image 2 of 5</span></div>
        <p>The space agency picked five companies on Monday to bid for its program of small commercial landers for the moon.</p>
        <div class="slot"><span>Advert</span></div>
        <p>Share prices of the two listed bidders rose in early trading, while the others, which are private, did not comment.</p>
        <div><span>Like this:</span></div>
        <div><span>You may also like...</span></div>
        <div class="count"><a href="#c">12 Comments</a></div>
        </div></article></body></html>
        """;
    ExtractedPage p =
        extractor.extract(
            "https://news.example/lander", html.getBytes(StandardCharsets.UTF_8), null);

    assertThat(p.text().split("\n\n"))
        .containsExactly(
            "The space agency picked five companies on Monday to bid for its program of small commercial landers for the moon.",
            "Share prices of the two listed bidders rose in early trading, while the others, which are private, did not comment.");
  }

  @Test
  void shouldJoinAStoryWrittenOneParagraphPerCard() {
    ExtractedPage p =
        extractor.extract(
            "https://island.example/science/moon", fixture("story-in-cards.html"), null);

    assertThat(p.text().split("\n\n")).hasSize(5);
    assertThat(p.text())
        .startsWith("Scientists using a telescope")
        .endsWith("after two years of review.")
        .doesNotContain("trade winds");
  }

  @Test
  void shouldJoinAStoryCutIntoChunksBetweenAds() {
    ExtractedPage p =
        extractor.extract(
            "https://mag.example/business/broke", fixture("story-in-chunks.html"), null);

    assertThat(p.text().split("\n\n")).hasSize(7);
    assertThat(p.text())
        .startsWith("The latest wave")
        .endsWith("technology can solve.")
        .doesNotContain("Advertisement", "Sign in");
  }

  @Test
  void shouldTakeThePublicationDayFromTheUrlWhenThePageGivesNone() {
    String html =
        "<html><body><article><h1>A headline long enough to count</h1><p>"
            + "Words of the story, one after another. ".repeat(12)
            + "</p></article></body></html>";
    ExtractedPage p =
        extractor.extract(
            "https://news.example/2024/08/02/story", html.getBytes(StandardCharsets.UTF_8), null);
    assertThat(p.publishedAt()).isEqualTo(OffsetDateTime.parse("2024-08-02T00:00Z"));
  }

  @Test
  void shouldReadAPageWrappedInOneBigFormAndAnUnlikelyClass() {
    String html =
        "<html><body><form id=\"aspnetForm\"><div class=\"Page-ad-margins\"><div class=\"body\">"
            + "<p>First paragraph of a real story, long enough to be scored as content by the extractor.</p>"
                .repeat(6)
            + "</div></div></form></body></html>";
    ExtractedPage p =
        extractor.extract("https://x.example/a", html.getBytes(StandardCharsets.UTF_8), null);
    assertThat(p.isArticle()).isTrue();
    assertThat(p.text()).contains("First paragraph of a real story");
  }

  @Test
  void shouldMarkASectionFrontAsNotAnArticle() {
    StringBuilder html =
        new StringBuilder(
            "<html><head><meta property=\"og:type\" content=\"website\"></head><body><h1>Politics</h1><ul>");
    for (int i = 0; i < 20; i++) {
      html.append("<li><a href=\"/story-")
          .append(i)
          .append("\">Headline number ")
          .append(i)
          .append(" about the elections in Venezuela</a></li>");
    }
    ExtractedPage p =
        extractor.extract(
            "https://x.example/politics",
            html.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8),
            null);
    assertThat(p.isArticle()).isFalse();
    assertThat(p.notArticleReason()).contains("section front");
  }

  @Test
  void shouldMarkAVideoPageAsNotAnArticle() {
    String html =
        "<html><head><meta property=\"og:type\" content=\"video.other\"></head><body><h1>Watch: the count</h1>"
            + "<p>A short caption for the video, shown under the player.</p></body></html>";
    ExtractedPage p =
        extractor.extract("https://x.example/v", html.getBytes(StandardCharsets.UTF_8), null);
    assertThat(p.isArticle()).isFalse();
    assertThat(p.notArticleReason()).contains("video");
  }

  private static byte[] fixture(String name) {
    try (java.io.InputStream in = JsoupArticleExtractorTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldAnswerBadInputWithAReasonNeverACrash() {
    byte[] binary = new byte[8192];
    new java.util.Random(1).nextBytes(binary);
    assertThat(extractor.extract("https://x.example/b", binary, null).notArticleReason())
        .contains("binary");
    assertThat(extractor.extract("https://x.example/e", new byte[0], null).notArticleReason())
        .contains("empty");
    assertThat(
            extractor
                .extract(
                    "https://x.example/m",
                    "<html><p>unclosed <div><span>tags <<>> everywhere"
                        .getBytes(StandardCharsets.UTF_8),
                    null)
                .isArticle())
        .isFalse();
    assertThat(
            extractor
                .extract(
                    "https://x.example/n",
                    "<html><head><title>t</title></head></html>".getBytes(StandardCharsets.UTF_8),
                    null)
                .notArticleReason())
        .isEqualTo("no body text");
    byte[] huge =
        ("<html><body><p>" + "palabra ".repeat(20 * 1024 * 1024 / 8) + "</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(extractor.extract("https://x.example/h", huge, null).text())
        .startsWith("palabra palabra");
  }
}
