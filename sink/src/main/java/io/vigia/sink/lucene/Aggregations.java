package io.vigia.sink.lucene;

import io.vigia.search.lucene.ArticleFields;
import io.vigia.sink.index.IndexStats;
import io.vigia.sink.index.StorySummary;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Facets for the dashboard and the stories API, computed from doc values in one pass over the
 * matching documents (no stored fields are read), so they stay cheap on a large index.
 */
final class Aggregations {
  private Aggregations() {}

  static IndexStats stats(IndexSearcher s, Query query, String target, int top) throws IOException {
    String prefix = target + ":";
    TreeMap<String, long[]> days = new TreeMap<>(); // day -> favor, against, neutral, total
    Map<String, long[]> entities = new HashMap<>();
    Map<String, long[]> sources = new HashMap<>();
    long[] total = {0};
    s.search(
        query,
        new SimpleCollector() {
          NumericDocValues time;
          SortedDocValues day;
          SortedSetDocValues entity;
          SortedSetDocValues stance;
          SortedDocValues source;

          @Override
          protected void doSetNextReader(LeafReaderContext ctx) throws IOException {
            time = DocValues.getNumeric(ctx.reader(), ArticleFields.TIME);
            day = DocValues.getSorted(ctx.reader(), ArticleFields.DAY_DV);
            entity = DocValues.getSortedSet(ctx.reader(), ArticleFields.ENTITY_DV);
            stance = DocValues.getSortedSet(ctx.reader(), ArticleFields.STANCE_DV);
            source = DocValues.getSorted(ctx.reader(), ArticleFields.SOURCE_DV);
          }

          @Override
          public void collect(int doc) throws IOException {
            total[0]++;
            // An article without a time counts in the total but on no day (as OpenSearch's date
            // histogram).
            // The article's own local day; documents indexed before it was stored: the UTC day.
            long[] d =
                day.advanceExact(doc)
                    ? days.computeIfAbsent(
                        day.lookupOrd(day.ordValue()).utf8ToString(), k -> new long[4])
                    : time.advanceExact(doc)
                        ? days.computeIfAbsent(
                            LocalDate.ofInstant(
                                    Instant.ofEpochMilli(time.longValue()), ZoneOffset.UTC)
                                .toString(),
                            k -> new long[4])
                        : new long[4];
            d[3]++;
            if (stance.advanceExact(doc)) {
              for (int i = 0; i < stance.docValueCount(); i++) {
                String v = stance.lookupOrd(stance.nextOrd()).utf8ToString();
                if (v.startsWith(prefix)) {
                  switch (v.substring(prefix.length())) {
                    case "favor" -> d[0]++;
                    case "against" -> d[1]++;
                    default -> d[2]++;
                  }
                }
              }
            }
            if (entity.advanceExact(doc)) {
              for (int i = 0; i < entity.docValueCount(); i++) {
                entities
                    .computeIfAbsent(
                        entity.lookupOrd(entity.nextOrd()).utf8ToString(), k -> new long[1])[0]++;
              }
            }
            if (source.advanceExact(doc)) {
              sources
                  .computeIfAbsent(
                      source.lookupOrd(source.ordValue()).utf8ToString(), k -> new long[1])[0]++;
            }
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        });
    List<IndexStats.Day> perDay = new ArrayList<>();
    days.forEach((day, c) -> perDay.add(new IndexStats.Day(day, c[0], c[1], c[2], c[3])));
    List<IndexStats.Count> topEntities =
        top(entities, top).stream()
            .map(
                e -> {
                  String[] p = e.getKey().split(String.valueOf(ArticleFields.SEP), 3);
                  return new IndexStats.Count(
                      p[0],
                      p.length > 1 ? p[1] : p[0],
                      p.length > 2 ? p[2] : null,
                      e.getValue()[0]);
                })
            .toList();
    List<IndexStats.Count> topSources =
        top(sources, top).stream()
            .map(e -> new IndexStats.Count(e.getKey(), e.getKey(), null, e.getValue()[0]))
            .toList();
    return new IndexStats(total[0], target, perDay, topEntities, topSources);
  }

  static List<StorySummary> stories(IndexSearcher s, Query query, int size) throws IOException {
    final class Story {
      long articles;
      final Set<String> sources = new HashSet<>();
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      String title;
      long titleTime = Long.MAX_VALUE;
    }
    Map<String, Story> stories = new HashMap<>();
    s.search(
        query,
        new SimpleCollector() {
          NumericDocValues time;
          SortedDocValues story;
          SortedDocValues source;
          SortedDocValues title;

          @Override
          protected void doSetNextReader(LeafReaderContext ctx) throws IOException {
            time = DocValues.getNumeric(ctx.reader(), ArticleFields.TIME);
            story = DocValues.getSorted(ctx.reader(), ArticleFields.STORY_DV);
            source = DocValues.getSorted(ctx.reader(), ArticleFields.SOURCE_DV);
            title = DocValues.getSorted(ctx.reader(), ArticleFields.TITLE_DV);
          }

          @Override
          public void collect(int doc) throws IOException {
            if (!story.advanceExact(doc)) {
              return;
            }
            Story st =
                stories.computeIfAbsent(
                    story.lookupOrd(story.ordValue()).utf8ToString(), k -> new Story());
            st.articles++;
            boolean timed = time.advanceExact(doc);
            long t =
                timed
                    ? time.longValue()
                    : Long.MAX_VALUE; // untimed articles name a story only if none is timed
            if (timed) {
              st.first = Math.min(st.first, t);
              st.last = Math.max(st.last, t);
            }
            if (source.advanceExact(doc)) {
              st.sources.add(source.lookupOrd(source.ordValue()).utf8ToString());
            }
            if ((t < st.titleTime || st.title == null)
                && title.advanceExact(doc)) { // the story is named by its earliest article
              st.title = title.lookupOrd(title.ordValue()).utf8ToString();
              st.titleTime = t;
            }
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        });
    // Most sources first, then most articles, then latest, then by id: the order OpenSearch's terms
    // aggregation is given.
    return stories.entrySet().stream()
        .sorted(
            Comparator.comparingLong((Map.Entry<String, Story> e) -> -e.getValue().sources.size())
                .thenComparingLong(e -> -e.getValue().articles)
                .thenComparing(
                    (Map.Entry<String, Story> e) -> e.getValue().last, Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey))
        .limit(size)
        .map(
            e ->
                new StorySummary(
                    e.getKey(),
                    e.getValue().title,
                    e.getValue().articles,
                    e.getValue().sources.size(),
                    e.getValue().first == Long.MAX_VALUE
                        ? null
                        : Instant.ofEpochMilli(e.getValue().first),
                    e.getValue().last == Long.MIN_VALUE
                        ? null
                        : Instant.ofEpochMilli(e.getValue().last)))
        .toList();
  }

  private static List<Map.Entry<String, long[]>> top(Map<String, long[]> counts, int n) {
    return counts.entrySet().stream()
        .sorted(
            Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey))
        .limit(n)
        .toList();
  }
}
