package io.vigia.sink.corrections;

import static io.vigia.sink.corrections.CorrectionFixtures.CNE;
import static io.vigia.sink.corrections.CorrectionFixtures.TARGET;
import static io.vigia.sink.corrections.CorrectionFixtures.correction;
import static io.vigia.sink.corrections.CorrectionFixtures.enriched;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.Correction;
import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchParameters;
import io.vigia.search.SearchQuery;
import io.vigia.sink.index.IndexStats;
import io.vigia.sink.lucene.LuceneArticleIndex;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrections overlaid on a Lucene index: searches, facets and stats read the corrected values. */
class CorrectedIndexTest {
  @TempDir Path dir;
  private final CorrectionSet corrections = new CorrectionSet();
  private CorrectedIndex index;
  private ArticleDocument a;
  private ArticleDocument b;

  @BeforeEach
  void indexTwoArticlesInFavour() throws Exception {
    index = new CorrectedIndex(new LuceneArticleIndex(dir), corrections);
    a = ArticleDocument.from(enriched("https://example.org/a", "Proclamación", 1), Instant.now());
    b = ArticleDocument.from(enriched("https://example.org/b", "Resultados", 1), Instant.now());
    index.write(List.of(a, b));
  }

  @AfterEach
  void close() {
    index.close();
  }

  private void correct(String id, String json) throws Exception {
    Correction c = correction(id, json);
    corrections.put(id, c.getField(), c);
    index.reapply(Set.of(id));
  }

  private void takeBack(String id, String field) throws Exception {
    corrections.put(id, field, null);
    index.reapply(Set.of(id));
  }

  private long total(String... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.computeIfAbsent(kv[i], k -> new ArrayList<>()).add(kv[i + 1]);
    }
    return index.search(SearchParameters.parse(m, 20)).total();
  }

  private IndexStats.Day day() {
    return index.stats(SearchParameters.parse(Map.of(), 20), TARGET, 10).perDay().get(0);
  }

  @Test
  void shouldFilterAndCountByTheCorrectedStanceAndBackByTheMachinesWhenTakenBack()
      throws Exception {
    assertThat(total("stance", TARGET + ":favor")).isEqualTo(2);
    correct(a.id(), "{\"stance\": {\"target\": \"" + TARGET + "\", \"label\": \"against\"}}");
    assertThat(total("stance", TARGET + ":against")).isEqualTo(1);
    assertThat(total("stance", TARGET + ":favor")).isEqualTo(1);
    assertThat(day().against()).isEqualTo(1);
    assertThat(day().favor()).isEqualTo(1);
    assertThat(index.get(a.id()).orElseThrow().overlay().machine().stance().get(0).label())
        .isEqualTo("favor");

    takeBack(a.id(), "stance:" + TARGET);
    assertThat(total("stance", TARGET + ":favor")).isEqualTo(2);
    assertThat(day().against()).isZero();
    assertThat(index.get(a.id())).contains(a);
  }

  @Test
  void shouldLeaveArticlesMarkedOffTopicOutUnlessAsked() throws Exception {
    correct(b.id(), "{\"relevant\": false}");
    assertThat(total()).isEqualTo(1);
    assertThat(total("relevant", "false")).isEqualTo(1);
    assertThat(total("relevant", "any")).isEqualTo(2);
    assertThat(index.stats(SearchParameters.parse(Map.of(), 20), TARGET, 10).total()).isEqualTo(1);
    takeBack(b.id(), "relevant");
    assertThat(total()).isEqualTo(2);
  }

  @Test
  void shouldDropARemovedEntityFromFiltersAndFacets() throws Exception {
    correct(a.id(), "{\"entity\": {\"remove\": \"" + CNE + "\"}}");
    assertThat(total("entity", CNE)).isEqualTo(1);
    assertThat(total("entity", "Consejo Nacional Electoral")).isEqualTo(1);
    IndexStats.Count cne =
        index.stats(SearchParameters.parse(Map.of(), 20), TARGET, 10).topEntities().stream()
            .filter(c -> c.id().equals(CNE))
            .findFirst()
            .orElseThrow();
    assertThat(cne.count()).isEqualTo(1);
  }

  @Test
  void shouldCorrectANewlyIndexedVersionOfACorrectedArticle() throws Exception {
    correct(a.id(), "{\"stance\": {\"target\": \"" + TARGET + "\", \"label\": \"neutral\"}}");
    ArticleDocument reEnriched =
        ArticleDocument.from(enriched("https://example.org/a", "Proclamación", 2), Instant.now());
    index.write(List.of(reEnriched));
    ArticleDocument stored = index.get(a.id()).orElseThrow();
    assertThat(stored.enrichmentVersion()).isEqualTo(2);
    assertThat(stored.stance().get(0).label()).isEqualTo("neutral");
    assertThat(total("stance", TARGET + ":neutral")).isEqualTo(1);
  }

  @Test
  void shouldApplyACorrectionThatArrivedBeforeItsArticle() throws Exception {
    ArticleDocument c =
        ArticleDocument.from(enriched("https://example.org/c", "Tarde", 1), Instant.now());
    correct(c.id(), "{\"story\": {\"detach\": true}}");
    assertThat(index.get(c.id())).isEmpty();
    index.write(List.of(c));
    assertThat(index.get(c.id()).orElseThrow().storyId())
        .isEqualTo(CorrectionOverlay.DETACHED_STORY + c.id());
    assertThat(
            index.search(SearchParameters.parse(Map.of("story", List.of(c.storyId())), 20)).total())
        .as("no longer in the machine's story")
        .isZero();
  }

  @Test
  void shouldNotRewriteADocumentWhoseCorrectionsDidNotChange() throws Exception {
    correct(a.id(), "{\"relevant\": false}");
    assertThat(index.reapply(Set.of(a.id(), b.id()))).isZero();
  }

  @Test
  void shouldKeepCorrectionsAcrossReopeningTheIndex() throws Exception {
    correct(a.id(), "{\"relevant\": false}");
    index.close();
    index = new CorrectedIndex(new LuceneArticleIndex(dir), corrections);
    assertThat(total()).isEqualTo(1);
    assertThat(index.search(SearchQuery.text(null, 10)).articles())
        .extracting(ArticleDocument::id)
        .containsExactly(b.id());
  }
}
