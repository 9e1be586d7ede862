package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index gives every element the text, length, commas and link density that {@link
 * Element#text()} and {@link LinkDensity#of(Element)} give, from one walk over the root.
 */
class TextIndexTest {

  @Test
  void shouldGiveEveryElementItsOwnTextAcrossBlocksBreaksAndPreformattedText() {
    assertSameAsJsoup(
        Jsoup.parse(
            "<body> <div>  lead <b>bold</b>text<div>block\u00a0one</div>after<br>break"
                + "<p>para,\tcommas, <a href='#x'>in-page link</a> and <a href='/y'>a link</a></p>"
                + "<pre>  kept \n  as  written </pre><span> inline <div>block in inline</div> tail</span>"
                + "<textarea> typed\n text</textarea><ul><li>one</li><li> two </li></ul>"
                + "soft\u00adhyphen zero\u200bwidth<table><tr><td>cell</td><td> </td></tr></table>"
                + "<p>   </p><p>\u0001control</p>é\uD83D\uDE00 emoji, ， 、</div></body>"));
  }

  @Test
  void shouldGiveTheSameAnswerOnACleanedPage() {
    Document doc =
        Jsoup.parse(
            "<body><div class=story>Loose text written straight in the container, long enough."
                + "<br><br>A second run of it.<div class=share><a href=/a>Share</a></div>"
                + "<p>A paragraph <span><a href=/1>one</a><a href=/2>two</a><a href=/3>three</a>"
                + "</span> with a hover card.</p><div>Only text inside this div, a sentence.</div>"
                + "</div></body>");
    PageCleaning.strip(doc.body(), true);

    assertSameAsJsoup(doc);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "br-paragraphs.html",
        "paywalled.html",
        "split-body.html",
        "stacked-articles.html",
        "standfirst-and-footers.html",
        "story-in-cards.html",
        "story-in-chunks.html"
      })
  void shouldGiveEveryElementOfAFixturePageWhatJsoupGives(String name) {
    Document doc = Jsoup.parse(new String(fixture(name), StandardCharsets.UTF_8));
    assertSameAsJsoup(doc);
    PageCleaning.strip(doc.body(), true);
    assertSameAsJsoup(doc);
  }

  /** Many random pages, as written and after cleaning. */
  @Test
  void shouldGiveWhatJsoupGivesOnRandomPages() {
    Random random = new Random(21);
    for (int i = 0; i < 120; i++) {
      Document doc = RandomPages.page(random);
      assertSameAsJsoup(doc);
      PageCleaning.strip(doc.body(), i % 2 == 0);
      assertSameAsJsoup(doc);
    }
  }

  private static void assertSameAsJsoup(Document doc) {
    Element body = doc.body();
    TextIndex index = new TextIndex(body);
    for (Element e : body.getAllElements()) {
      String text = e.text();
      assertThat(index.text(e)).as("text of %s", e.cssSelector()).isEqualTo(text);
      assertThat(index.length(e)).as("length of %s", e.cssSelector()).isEqualTo(text.length());
      assertThat(index.commas(e))
          .as("commas of %s", e.cssSelector())
          .isEqualTo(BlockScoring.commas(text));
      assertThat(index.linkDensity(e))
          .as("link density of %s", e.cssSelector())
          .isEqualTo(LinkDensity.of(e));
    }
  }

  private static byte[] fixture(String name) {
    try (InputStream in = TextIndexTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
