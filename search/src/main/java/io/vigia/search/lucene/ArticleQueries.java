package io.vigia.search.lucene;

import io.vigia.common.text.TextNormalizer;
import io.vigia.search.QueryText;
import io.vigia.search.SearchQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** A search as Lucene runs it, over the fields of {@link ArticleFields}. */
public final class ArticleQueries {
  private ArticleQueries() {}

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
      SimpleQueryParser parser = new SimpleQueryParser(ArticleFields.analyzer(), weights);
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
          IntPoint.newRangeQuery(ArticleFields.STORY_SOURCES, q.storySources(), Integer.MAX_VALUE),
          BooleanClause.Occur.FILTER);
    }
    switch (q.relevance()) {
      case RELEVANT ->
          b.add(
              new TermQuery(new Term(ArticleFields.OFF_TOPIC, "true")),
              BooleanClause.Occur.MUST_NOT);
      case OFF_TOPIC -> filter(b, ArticleFields.OFF_TOPIC, "true");
      case ANY -> {}
    }
    if (!q.includeDuplicates()) {
      b.add(new TermQuery(new Term("dedup", "duplicate")), BooleanClause.Occur.MUST_NOT);
    }
    if (q.since() != null || q.until() != null) {
      long from = q.since() == null ? Long.MIN_VALUE : q.since().toEpochMilli();
      long to = q.until() == null ? Long.MAX_VALUE : q.until().toEpochMilli();
      b.add(LongPoint.newRangeQuery(ArticleFields.TIME, from, to), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** Every document. */
  public static Query all() {
    return new MatchAllDocsQuery();
  }

  /** The document with this id. */
  public static Query byId(String id) {
    return new TermQuery(new Term(ArticleFields.ID, id));
  }

  /**
   * Newest, oldest or best first; documents without a time last either way; ties by id, so pages
   * neither skip nor repeat.
   */
  public static Sort sort(SearchQuery.Sort sort) {
    SortField byId = new SortField(ArticleFields.ID_DV, SortField.Type.STRING);
    byId.setMissingValue(SortField.STRING_LAST);
    return switch (sort) {
      case NEWEST -> {
        SortField t = new SortField(ArticleFields.TIME, SortField.Type.LONG, true);
        t.setMissingValue(Long.MIN_VALUE);
        yield new Sort(t, byId);
      }
      case OLDEST -> {
        SortField t = new SortField(ArticleFields.TIME, SortField.Type.LONG, false);
        t.setMissingValue(Long.MAX_VALUE);
        yield new Sort(t, byId);
      }
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byId);
    };
  }

  /** An entity filter names the entity's id or its name (case and accents ignored). */
  private static Query entity(String value) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term("entity", value)), BooleanClause.Occur.SHOULD)
        .add(
            new TermQuery(new Term(ArticleFields.ENTITY_NAME, TextNormalizer.fold(value))),
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
}
