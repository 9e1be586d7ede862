package io.vigia.sink.lucene;

import io.vigia.schemas.FigureSubjects;
import io.vigia.search.lucene.ArticleFields;
import io.vigia.search.lucene.ArticleQueries;
import io.vigia.sink.index.FigureFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;

/**
 * The stories with a figure a filter selects, from doc values in one pass over the matching
 * articles: each story by its newest such article, newest first (ties by story id), as the
 * OpenSearch backend's terms aggregation orders them.
 */
final class FigureStories {
  private FigureStories() {}

  static List<String> find(IndexSearcher s, FigureFilter filter, int size) throws IOException {
    Map<String, Long> latest = new HashMap<>();
    s.search(
        query(filter),
        new SimpleCollector() {
          SortedDocValues story;
          NumericDocValues time;

          @Override
          protected void doSetNextReader(LeafReaderContext ctx) throws IOException {
            story = DocValues.getSorted(ctx.reader(), ArticleFields.STORY_DV);
            time = DocValues.getNumeric(ctx.reader(), ArticleFields.TIME);
          }

          @Override
          public void collect(int doc) throws IOException {
            if (!story.advanceExact(doc)) {
              return;
            }
            long t = time.advanceExact(doc) ? time.longValue() : Long.MIN_VALUE;
            latest.merge(story.lookupOrd(story.ordValue()).utf8ToString(), t, Math::max);
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        });
    List<Map.Entry<String, Long>> ordered = new ArrayList<>(latest.entrySet());
    ordered.sort(
        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    return ordered.stream().limit(size).map(Map.Entry::getKey).toList();
  }

  /**
   * The filter's articles that state a figure of its quantity and subject (any when null), and one
   * about its election (whether the same figure is the listing's to check).
   */
  /**
   * The subject's term ({@code before} it, the quantity and separator of a figure term, if any),
   * or, for an opaque id, a term that names it after the id ({@link FigureSubjects}).
   */
  private static Query subject(String field, String before, String subject) {
    Query exact = new TermQuery(new Term(field, before + subject));
    if (!FigureSubjects.opaque(subject)) {
      return exact;
    }
    return new BooleanQuery.Builder()
        .add(exact, BooleanClause.Occur.SHOULD)
        .add(
            new PrefixQuery(new Term(field, before + subject + FigureSubjects.NAME_AFTER)),
            BooleanClause.Occur.SHOULD)
        .build();
  }

  static Query query(FigureFilter filter) {
    Query figure;
    if (filter.quantity() != null && filter.subject() != null) {
      figure =
          subject(ArticleFields.FIGURE, filter.quantity() + ArticleFields.SEP, filter.subject());
    } else if (filter.quantity() != null) {
      figure = new TermQuery(new Term(ArticleFields.FIGURE_QUANTITY, filter.quantity()));
    } else if (filter.subject() != null) {
      figure = subject(ArticleFields.FIGURE_SUBJECT, "", filter.subject());
    } else {
      figure = new TermRangeQuery(ArticleFields.FIGURE, null, null, true, true);
    }
    BooleanQuery.Builder q =
        new BooleanQuery.Builder()
            .add(ArticleQueries.query(filter.articles()), BooleanClause.Occur.MUST)
            .add(figure, BooleanClause.Occur.FILTER);
    if (filter.election() != null) {
      q.add(
          new TermQuery(new Term(ArticleFields.FIGURE_ELECTION, filter.election())),
          BooleanClause.Occur.FILTER);
    }
    return q.build();
  }
}
