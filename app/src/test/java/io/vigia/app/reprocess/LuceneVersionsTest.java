package io.vigia.app.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.RawArticle;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.search.ArticleDocument;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.lucene.LuceneIndexVersions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's target with the embedded backend: a new folder beside the live one, switched in, then
 * owned by the live alias (a resumed run writes the live index; releasing it does not close it).
 */
class LuceneVersionsTest {
  @TempDir Path tmp;

  private static ArticleDocument doc(String url) {
    RawArticle a = SampleArticles.raw(url, "título", "texto").build();
    return ArticleDocument.from(SampleArticles.enriched(a), Instant.now());
  }

  @Test
  void shouldWriteANewFolderSwitchItInAndLeaveItOpenForTheLiveAlias() throws Exception {
    Path base = tmp.resolve("index");
    try (LuceneIndexVersions live = LuceneIndexVersions.open(base)) {
      live.write(List.of(doc("https://example.org/old")));
      IndexVersions versions = IndexVersions.lucene(live, base);
      int run = versions.newestVersion() + 1;
      assertThat(versions.name(run)).isEqualTo("index-r1");

      ArticleIndex target = versions.openForRun(run, Instant.parse("2024-01-01T00:00:00Z"));
      assertThat(target).isNotSameAs(live);
      assertThat(target.count())
          .as("--since starts from a copy of the current version")
          .isEqualTo(1);
      target.write(List.of(doc("https://example.org/new")));

      versions.switchTo(run, target);
      assertThat(versions.currentVersion()).isEqualTo(run);
      assertThat(versions.openForRun(run, null))
          .as("a run resumed after the switch writes the live index")
          .isSameAs(live);

      versions.release(run, target);
      live.write(List.of(doc("https://example.org/live")));
      assertThat(live.count()).as("the switched-in version stays open").isEqualTo(3);
    }
  }
}
