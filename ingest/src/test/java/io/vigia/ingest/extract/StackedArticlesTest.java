package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class StackedArticlesTest {

  /** Counting a container's headlines from the page's list gives what searching it gives. */
  @Test
  void shouldCountTheHeadlinesInsideAContainerAsSearchingItDoes() {
    Random random = new Random(11);
    int more = 0;
    for (int i = 0; i < 300; i++) {
      Document page = RandomPages.page(random);
      Elements h1s = page.getElementsByTag("h1");
      for (Element e : page.getAllElements()) {
        boolean searched = e.getElementsByTag("h1").size() > 1;
        assertThat(StackedArticles.holdsMoreThanOne(e, h1s)).as("page %d", i).isEqualTo(searched);
        more += searched ? 1 : 0;
      }
    }
    assertThat(more).as("containers with several headlines").isGreaterThan(100);
  }
}
