package io.vigia.sink.lucene;

import io.vigia.common.http.Json;
import io.vigia.common.text.TextNormalizer;
import io.vigia.sink.index.ArticleDocument;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.IndexStats;
import io.vigia.sink.index.IndexUnavailableException;
import io.vigia.sink.index.QueryText;
import io.vigia.sink.index.SearchQuery;
import io.vigia.sink.index.SearchResult;
import io.vigia.sink.index.StorySummary;
import io.vigia.sink.index.WriteOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded backend: a Lucene index on disk. Writes replace documents by id and are committed
 * before {@link #write} returns, so they survive a crash; searches see them right after (the
 * searcher is refreshed on every write). The full document is stored as JSON and returned as is.
 */
public final class LuceneArticleIndex implements ArticleIndex {
  static final String ID = "id";
  static final String SOURCE_JSON = "_source";
  static final String TIME = "time";
  static final String ID_DV = "id_dv";
  static final String ENTITY_NAME = "entity_name";
  static final String STORY_SOURCES = "story_sources";
  private static final Analyzer ANALYZER =
      new PerFieldAnalyzerWrapper(
          new FoldingAnalyzer(),
          Map.of(
              "text_es",
              new SpanishAnalyzer(),
              "text_en",
              new EnglishAnalyzer(),
              "title_es",
              new SpanishAnalyzer(),
              "title_en",
              new EnglishAnalyzer()));

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
              new IndexWriterConfig(ANALYZER)
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
        writer.updateDocument(new Term(ID, d.id()), toLucene(d));
      }
      writer.commit();
      searchers.maybeRefreshBlocking();
      return WriteOutcome.allWritten(documents.size());
    } catch (IOException e) {
      throw new IndexUnavailableException("Lucene write failed: " + e.getMessage(), e);
    }
  }

  private static Document toLucene(ArticleDocument d) throws IOException {
    Document doc = document(d);
    doc.add(new StoredField(SOURCE_JSON, Json.MAPPER.writeValueAsBytes(d)));
    return doc;
  }

  /**
   * The indexed fields of a document (everything but the stored JSON): what the index writes and
   * what an alert subscription is checked against, one article at a time, in a {@code MemoryIndex}.
   */
  public static Document document(ArticleDocument d) {
    Document doc = new Document();
    doc.add(new StringField(ID, d.id(), Field.Store.NO));
    doc.add(new SortedDocValuesField(ID_DV, new BytesRef(d.id())));
    doc.add(new TextField("title", nz(d.title()), Field.Store.NO));
    doc.add(new TextField("text", nz(d.text()), Field.Store.NO));
    String lang = d.language() == null ? "" : d.language();
    if (lang.equals("es") || lang.equals("en")) {
      doc.add(new TextField("title_" + lang, nz(d.title()), Field.Store.NO));
      doc.add(new TextField("text_" + lang, nz(d.text()), Field.Store.NO));
    }
    keyword(doc, "language", lang);
    keyword(doc, "source", d.source());
    keyword(doc, "story", d.storyId());
    keyword(doc, "dedup", d.dedupStatus());
    for (ArticleDocument.EntityRef e : d.entities()) {
      keyword(doc, "entity", e.id());
      keyword(doc, ENTITY_NAME, TextNormalizer.fold(e.name()));
      if (e.linked()) {
        doc.add(
            new SortedSetDocValuesField(
                Aggregations.ENTITY_DV,
                new BytesRef(e.id() + Aggregations.SEP + e.name() + Aggregations.SEP + e.type())));
      }
    }
    for (ArticleDocument.StanceRef s : d.stance()) {
      keyword(doc, "stance", s.target() + ":" + s.label());
      doc.add(
          new SortedSetDocValuesField(
              Aggregations.STANCE_DV, new BytesRef(s.target() + ":" + s.label())));
    }
    if (d.source() != null) {
      doc.add(new SortedDocValuesField(Aggregations.SOURCE_DV, new BytesRef(d.source())));
    }
    if (d.storyId() != null) {
      doc.add(new SortedDocValuesField(Aggregations.STORY_DV, new BytesRef(d.storyId())));
    }
    doc.add(new IntPoint(STORY_SOURCES, d.storySources()));
    String title = nz(d.title());
    doc.add(
        new SortedDocValuesField(
            Aggregations.TITLE_DV,
            new BytesRef(title.length() > 300 ? title.substring(0, 300) : title)));
    if (d.effectiveTime() != null) {
      // No time, no value: such a document sorts last either way and no date range matches it, as
      // in OpenSearch.
      long t = d.effectiveTime().toEpochMilli();
      doc.add(new LongPoint(TIME, t));
      doc.add(new NumericDocValuesField(TIME, t));
    }
    return doc;
  }

  private static void keyword(Document doc, String field, String value) {
    if (value != null && !value.isEmpty()) {
      doc.add(new StringField(field, value, Field.Store.NO));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  @Override
  public Optional<ArticleDocument> get(String id) {
    return withSearcher(
        s -> {
          TopDocs top = s.search(new TermQuery(new Term(ID, id)), 1);
          return top.scoreDocs.length == 0
              ? Optional.empty()
              : Optional.of(load(s, top.scoreDocs[0]));
        });
  }

  @Override
  public SearchResult search(SearchQuery q) {
    Query query = query(q);
    return withSearcher(
        s -> {
          int n = Math.max(1, q.from() + q.size());
          TopDocs top = searchTooManyClausesAsBadQuery(() -> s.search(query, n, sort(q.sort())));
          List<ArticleDocument> page = new ArrayList<>();
          for (int i = q.from(); i < top.scoreDocs.length && page.size() < q.size(); i++) {
            page.add(load(s, top.scoreDocs[i]));
          }
          return new SearchResult(s.count(query), page);
        });
  }

  /**
   * Newest, oldest or best first; documents without a time last either way; ties by id, so pages
   * neither skip nor repeat.
   */
  static Sort sort(SearchQuery.Sort sort) {
    SortField byId = new SortField(ID_DV, SortField.Type.STRING);
    byId.setMissingValue(SortField.STRING_LAST);
    return switch (sort) {
      case NEWEST -> {
        SortField t = new SortField(TIME, SortField.Type.LONG, true);
        t.setMissingValue(Long.MIN_VALUE);
        yield new Sort(t, byId);
      }
      case OLDEST -> {
        SortField t = new SortField(TIME, SortField.Type.LONG, false);
        t.setMissingValue(Long.MAX_VALUE);
        yield new Sort(t, byId);
      }
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byId);
    };
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

  /**
   * The analysers of the index: folded words for every field, Spanish and English stemming on their
   * own fields.
   */
  public static Analyzer analyzer() {
    return ANALYZER;
  }

  /**
   * The Lucene query of a search, for the index and for alert subscriptions alike: {@code q} in the
   * {@link QueryText} syntax (Lucene's {@link SimpleQueryParser}, as OpenSearch's {@code
   * simple_query_string}), every filter as a non-scoring clause.
   */
  public static Query query(SearchQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (q.hasText()) {
      Map<String, Float> weights = new LinkedHashMap<>();
      for (String f : QueryText.FIELDS) {
        weights.put(f, QueryText.boost(f));
      }
      SimpleQueryParser parser = new SimpleQueryParser(ANALYZER, weights);
      parser.setDefaultOperator(BooleanClause.Occur.MUST);
      Query text = parser.parse(QueryText.normalize(q.q()));
      // Only stop words or punctuation: nothing to look for, so nothing matches (as in OpenSearch).
      b.add(text == null ? new MatchNoDocsQuery("no words in q") : text, BooleanClause.Occur.MUST);
    } else {
      b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    }
    anyOf(b, "language", q.languages());
    anyOf(b, "source", q.sources());
    filter(b, "story", q.story());
    for (String e : q.entities()) {
      b.add(entity(e), BooleanClause.Occur.FILTER);
    }
    if (!q.entitiesAny().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      q.entitiesAny().forEach(e -> any.add(entity(e), BooleanClause.Occur.SHOULD));
      b.add(any.build(), BooleanClause.Occur.FILTER);
    }
    q.stance().forEach((target, label) -> filter(b, "stance", target + ":" + label));
    if (q.storySources() > 0) {
      b.add(
          IntPoint.newRangeQuery(STORY_SOURCES, q.storySources(), Integer.MAX_VALUE),
          BooleanClause.Occur.FILTER);
    }
    if (!q.includeDuplicates()) {
      b.add(new TermQuery(new Term("dedup", "duplicate")), BooleanClause.Occur.MUST_NOT);
    }
    if (q.since() != null || q.until() != null) {
      long from = q.since() == null ? Long.MIN_VALUE : q.since().toEpochMilli();
      long to = q.until() == null ? Long.MAX_VALUE : q.until().toEpochMilli();
      b.add(LongPoint.newRangeQuery(TIME, from, to), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** An entity filter names the entity's id or its name (case and accents ignored). */
  private static Query entity(String value) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term("entity", value)), BooleanClause.Occur.SHOULD)
        .add(
            new TermQuery(new Term(ENTITY_NAME, TextNormalizer.fold(value))),
            BooleanClause.Occur.SHOULD)
        .build();
  }

  private static void anyOf(BooleanQuery.Builder b, String field, List<String> values) {
    if (values.size() == 1) {
      filter(b, field, values.get(0));
    } else if (!values.isEmpty()) {
      b.add(
          new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()),
          BooleanClause.Occur.FILTER);
    }
  }

  private static void filter(BooleanQuery.Builder b, String field, String value) {
    if (value != null && !value.isBlank()) {
      b.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
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
                () -> Aggregations.stats(s, query(filter), target, top)));
  }

  @Override
  public List<StorySummary> stories(SearchQuery filter, int size) {
    return withSearcher(
        s -> searchTooManyClausesAsBadQuery(() -> Aggregations.stories(s, query(filter), size)));
  }

  @Override
  public long count() {
    return withSearcher(s -> (long) s.count(new MatchAllDocsQuery()));
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
