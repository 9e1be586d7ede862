package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageMetadataTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<link rel=canonical href='/politica/nota-1'>",
        "<link rel=canonical href='https://www.diario.example/nota'>",
        "<link rel=canonical><link rel=canonical href='nota-2?x=1#y'>",
        "<link rel=canonical href=''><link rel=canonical href='//cdn.example/a'>",
        "<link rel=canonical abs:href='https://literal.example/'>",
        "<link rel=canonical href='/a' abs:href='https://literal.example/'>",
        "<link rel=canonical href='http://[bad'>",
        ""
      })
  void shouldResolveTheCanonicalLinkAsJsoupsAbsHrefDoes(String links) {
    Document doc =
        Jsoup.parse(
            "<html><head>" + links + "</head><body></body></html>",
            "https://www.diario.example/seccion/pagina");
    Elements canonical = doc.select("link[rel=canonical]");

    assertThat(PageMetadata.absoluteHref(canonical)).isEqualTo(canonical.attr("abs:href"));
  }

  /** The one walk finds, in page order, what a search for each kind finds. */
  @Test
  void shouldGatherTheMetaCanonicalAndJsonLdElementsAsSelectingThemDoes() {
    Random random = new Random(3);
    int metas = 0;
    for (int i = 0; i < 300; i++) {
      Document page = RandomPages.page(random);

      PageMetadata.HeadElements head = PageMetadata.HeadElements.of(page);

      assertThat(head.metas()).isEqualTo(page.select("meta"));
      assertThat(head.canonicalLinks()).isEqualTo(page.select("link[rel=canonical]"));
      assertThat(head.jsonLd()).isEqualTo(page.select("script[type=application/ld+json]"));
      metas += head.metas().size();
    }
    assertThat(metas).isGreaterThan(100);
  }
}
