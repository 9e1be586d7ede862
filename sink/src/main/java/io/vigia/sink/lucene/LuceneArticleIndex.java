package io.vigia.sink.lucene;

import io.vigia.common.http.Json;
import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;
import io.vigia.search.lucene.ArticleFields;
import io.vigia.search.lucene.ArticleQueries;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.FigureFilter;
import io.vigia.sink.index.IndexStats;
import io.vigia.sink.index.IndexUnavailableException;
import io.vigia.sink.index.SearchResult;
import io.vigia.sink.index.StorySummary;
import io.vigia.sink.index.WriteOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded backend: a Lucene index on disk. Writes replace documents by id and are committed
 * before {@link #write} returns, so they survive a crash; searches see them right after (the
 * searcher is refreshed on every write). The full document is stored as JSON and returned as is.
 */
public final class LuceneArticleIndex implements ArticleIndex {
  /** The whole document, stored as JSON and returned as is. */
  private static final String SOURCE_JSON = "_source";

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  public LuceneArticleIndex(Path dir) {
    try {
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      writer =
          new IndexWriter(
              directory,
              new IndexWriterConfig(ArticleFields.analyzer())
                  .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the Lucene index at " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public WriteOutcome write(List<ArticleDocument> documents) throws IndexUnavailableException {
    try {
      for (ArticleDocument d : documents) {
        writer.updateDocument(new Term(ArticleFields.ID, d.id()), toLucene(d));
      }
      writer.commit();
      searchers.maybeRefreshBlocking();
      return WriteOutcome.allWritten(documents.size());
    } catch (IOException e) {
      throw new IndexUnavailableException("Lucene write failed: " + e.getMessage(), e);
    }
  }

  /**
   * Copies every document of the last commit of the index at {@code source} (which may be open and
   * written by another writer of this process), then commits: the start of a new index version that
   * re-judges only part of the articles. Only into an empty index, so a resumed run does not copy
   * twice.
   */
  public void copyFrom(Path source) {
    try (Directory from = FSDirectory.open(source);
        DirectoryReader reader = DirectoryReader.open(from)) {
      if (writer.getDocStats().numDocs > 0) {
        return;
      }
      List<CodecReader> leaves = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        leaves.add(SlowCodecReaderWrapper.wrap(leaf.reader()));
      }
      writer.addIndexes(leaves.toArray(CodecReader[]::new));
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (org.apache.lucene.index.IndexNotFoundException e) {
      // nothing written there yet: nothing to copy
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot copy the index at " + source + ": " + e.getMessage(), e);
    }
  }

  private static Document toLucene(ArticleDocument d) throws IOException {
    Document doc = ArticleFields.document(d);
    doc.add(new StoredField(SOURCE_JSON, Json.MAPPER.writeValueAsBytes(d)));
    return doc;
  }

  @Override
  public Optional<ArticleDocument> get(String id) {
    return withSearcher(
        s -> {
          TopDocs top = s.search(ArticleQueries.byId(id), 1);
          return top.scoreDocs.length == 0
              ? Optional.empty()
              : Optional.of(load(s, top.scoreDocs[0]));
        });
  }

  @Override
  public SearchResult search(SearchQuery q) {
    Query query = ArticleQueries.query(q);
    return withSearcher(
        s -> {
          int n = Math.max(1, q.from() + q.size());
          TopDocs top =
              searchTooManyClausesAsBadQuery(
                  () -> s.search(query, n, ArticleQueries.sort(q.sort())));
          List<ArticleDocument> page = new ArrayList<>();
          for (int i = q.from(); i < top.scoreDocs.length && page.size() < q.size(); i++) {
            page.add(load(s, top.scoreDocs[i]));
          }
          return new SearchResult(s.count(query), page);
        });
  }

  private interface SearchCall<T> {
    T run() throws IOException;
  }

  /**
   * A query that expands past Lucene's clause limit is the user's to narrow: a bad query, not a
   * server error.
   */
  private static <T> T searchTooManyClausesAsBadQuery(SearchCall<T> call) throws IOException {
    try {
      return call.run();
    } catch (IndexSearcher.TooManyClauses e) {
      throw new IllegalArgumentException(
          "the query has too many words or expands to too many terms; use fewer words or a longer prefix");
    }
  }

  private static ArticleDocument load(IndexSearcher s, ScoreDoc sd) throws IOException {
    byte[] json = s.storedFields().document(sd.doc).getBinaryValue(SOURCE_JSON).bytes;
    return Json.MAPPER.readValue(json, ArticleDocument.class);
  }

  @Override
  public IndexStats stats(SearchQuery filter, String target, int top) {
    return withSearcher(
        s ->
            searchTooManyClausesAsBadQuery(
                () -> Aggregations.stats(s, ArticleQueries.query(filter), target, top)));
  }

  @Override
  public List<StorySummary> stories(SearchQuery filter, int size) {
    return withSearcher(
        s ->
            searchTooManyClausesAsBadQuery(
                () -> Aggregations.stories(s, ArticleQueries.query(filter), size)));
  }

  @Override
  public List<String> storiesWithFigures(FigureFilter filter, int size) {
    return withSearcher(s -> FigureStories.find(s, filter, size));
  }

  @Override
  public long count() {
    return withSearcher(s -> (long) s.count(ArticleQueries.all()));
  }

  private interface SearcherFn<T> {
    T apply(IndexSearcher s) throws IOException;
  }

  private <T> T withSearcher(SearcherFn<T> fn) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return fn.apply(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
