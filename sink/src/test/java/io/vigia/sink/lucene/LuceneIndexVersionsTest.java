package io.vigia.sink.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.schemas.RawArticle;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.search.ArticleDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene alias: versions side by side, one current, switched atomically and remembered. */
class LuceneIndexVersionsTest {
  @TempDir Path tmp;

  private static ArticleDocument doc(String url, String title) {
    RawArticle a = SampleArticles.raw(url, title, "texto de " + title).build();
    return ArticleDocument.from(SampleArticles.enriched(a), Instant.now());
  }

  @Test
  void shouldServeTheBaseFolderAsVersionZeroWithoutAPointer() throws Exception {
    Path base = tmp.resolve("index");
    try (LuceneIndexVersions v = LuceneIndexVersions.open(base)) {
      v.write(List.of(doc("https://example.org/a", "a")));
      assertThat(v.currentVersion()).isZero();
      assertThat(v.count()).isEqualTo(1);
    }
    assertThat(Files.exists(tmp.resolve("index.alias"))).isFalse();
  }

  @Test
  void shouldSwitchSearchesAndWritesToTheNewVersionAndRememberItAcrossRestarts() throws Exception {
    Path base = tmp.resolve("index");
    ArticleDocument old = doc("https://example.org/old", "old");
    ArticleDocument rejudged = doc("https://example.org/new", "new");
    try (LuceneIndexVersions v = LuceneIndexVersions.open(base)) {
      v.write(List.of(old));
      int next = v.newestVersion() + 1;
      assertThat(next).isEqualTo(1);
      LuceneArticleIndex built = v.openVersion(next);
      built.write(List.of(rejudged));
      assertThat(v.get(rejudged.id())).as("not searched before the switch").isEmpty();

      v.switchTo(next, built);

      assertThat(v.currentVersion()).isEqualTo(1);
      assertThat(v.get(rejudged.id())).isPresent();
      assertThat(v.get(old.id())).as("the old version is no longer searched").isEmpty();
      v.write(List.of(doc("https://example.org/live", "live")));
      assertThat(built.count()).as("live writes go to the new version").isEqualTo(2);
    }
    assertThat(Files.readString(tmp.resolve("index.alias"))).isEqualTo("index-r1");
    assertThat(Files.isDirectory(tmp.resolve("index"))).as("old version kept on disk").isTrue();
    try (LuceneIndexVersions again = LuceneIndexVersions.open(base)) {
      assertThat(again.currentVersion()).isEqualTo(1);
      assertThat(again.count()).isEqualTo(2);
      assertThat(again.newestVersion()).isEqualTo(1);
    }
  }

  @Test
  void shouldCopyTheCurrentVersionIntoAnEmptyNewOneOnlyOnce() throws Exception {
    Path base = tmp.resolve("index");
    try (LuceneIndexVersions v = LuceneIndexVersions.open(base)) {
      v.write(List.of(doc("https://example.org/a", "a"), doc("https://example.org/b", "b")));
      try (LuceneArticleIndex next = v.openVersion(1)) {
        next.copyFrom(base);
        next.copyFrom(base); // a resumed run
        assertThat(next.count()).isEqualTo(2);
      }
    }
  }

  @Test
  void shouldRefuseAPointerThatNamesNoVersionWithAFix() throws Exception {
    Files.writeString(tmp.resolve("index.alias"), "../elsewhere");
    assertThatThrownBy(() -> LuceneIndexVersions.open(tmp.resolve("index")))
        .hasMessageContaining("not a version of index")
        .hasMessageContaining("fix");
  }
}
