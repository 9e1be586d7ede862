package io.vigia.sink.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.http.Json;
import io.vigia.common.text.TextNormalizer;
import io.vigia.schemas.FigureSubjects;
import io.vigia.search.QueryText;
import io.vigia.search.SearchQuery;
import io.vigia.sink.index.FigureFilter;
import io.vigia.sink.index.IndexStats;
import io.vigia.sink.index.StorySummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The search API's vocabulary in OpenSearch query DSL, with the same meaning as the Lucene backend.
 */
final class OpenSearchQueries {
  /** Days a stats answer can hold: over 27 years of daily buckets. */
  private static final int MAX_DAYS = 10_000;

  private OpenSearchQueries() {}

  static ObjectNode query(SearchQuery q) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ObjectNode bool = root.putObject("bool");
    if (q.hasText()) {
      ObjectNode qs = bool.putArray("must").addObject().putObject("simple_query_string");
      qs.put("query", QueryText.normalize(q.q()));
      qs.put("default_operator", "and");
      ArrayNode fields = qs.putArray("fields");
      for (String f : QueryText.FIELDS) {
        fields.add(QueryText.boost(f) == 1f ? f : f + "^" + (int) QueryText.boost(f));
      }
    }
    ArrayNode filter = bool.putArray("filter");
    anyOf(filter, "language", q.languages());
    anyOf(filter, "source", q.sources());
    term(filter, "story", q.story());
    for (String e : q.entities()) {
      filter.add(entity(e));
    }
    if (!q.entitiesAny().isEmpty()) {
      ObjectNode any = filter.addObject().putObject("bool");
      ArrayNode should = any.putArray("should");
      q.entitiesAny().forEach(e -> should.add(entity(e)));
      any.put("minimum_should_match", 1);
    }
    q.stance().forEach((target, label) -> term(filter, "stance", target + ":" + label));
    if (q.storySources() > 0) {
      filter.addObject().putObject("range").putObject("story_sources").put("gte", q.storySources());
    }
    if (q.since() != null || q.until() != null) {
      ObjectNode range = filter.addObject().putObject("range").putObject("time");
      if (q.since() != null) {
        range.put("gte", q.since().toString());
      }
      if (q.until() != null) {
        range.put("lte", q.until().toString());
      }
    }
    if (!q.includeDuplicates()) {
      bool.putArray("must_not").addObject().putObject("term").put("dedup", "duplicate");
    }
    OpenSearchCorrections.addRelevance(bool, q);
    return root;
  }

  /**
   * An entity filter names the entity's id or its name (case and accents ignored), as in Lucene.
   */
  private static ObjectNode entity(String value) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    ObjectNode b = n.putObject("bool");
    ArrayNode should = b.putArray("should");
    should.addObject().putObject("term").put("entity", value);
    should.addObject().putObject("term").put("entity_name", TextNormalizer.fold(value));
    b.put("minimum_should_match", 1);
    return n;
  }

  private static void anyOf(ArrayNode filter, String field, List<String> values) {
    if (values.size() == 1) {
      term(filter, field, values.get(0));
    } else if (!values.isEmpty()) {
      ArrayNode terms = filter.addObject().putObject("terms").putArray(field);
      values.forEach(terms::add);
    }
  }

  /**
   * The subject's term ({@code before} it, the quantity and separator of a figure term, if any),
   * or, for an opaque id, a term that names it after the id ({@link FigureSubjects}).
   */
  private static void subject(ArrayNode filter, String field, String before, String subject) {
    if (!FigureSubjects.opaque(subject)) {
      term(filter, field, before + subject);
      return;
    }
    ArrayNode should = filter.addObject().putObject("bool").putArray("should");
    should.addObject().putObject("term").put(field, before + subject);
    should.addObject().putObject("prefix").put(field, before + subject + FigureSubjects.NAME_AFTER);
  }

  private static void term(ArrayNode filter, String field, String value) {
    if (value != null && !value.isBlank()) {
      filter.addObject().putObject("term").put(field, value);
    }
  }

  static IndexStats stats(
      OpenSearchArticleIndex index, SearchQuery filter, String target, int top) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("query", query(filter));
    body.put("size", 0);
    body.put("track_total_hits", true);
    ObjectNode aggs = body.putObject("aggs");
    ObjectNode days = aggs.putObject("days");
    // The article's own local day (published_day), not the UTC day of its time: an evening story
    // in Caracas counts on the day it was published there.
    days.putObject("terms")
        .put("field", "published_day")
        .put("size", MAX_DAYS)
        .put("min_doc_count", 1)
        .putObject("order")
        .put("_key", "asc");
    ObjectNode labels =
        days.putObject("aggs").putObject("stance").putObject("filters").putObject("filters");
    for (String label : new String[] {"favor", "against", "neutral"}) {
      labels.putObject(label).putObject("term").put("stance", target + ":" + label);
    }
    aggs.putObject("entities").putObject("terms").put("field", "entity_key").put("size", top);
    aggs.putObject("sources").putObject("terms").put("field", "source").put("size", top);
    JsonNode n = index.searchRaw(body);
    JsonNode a = n.path("aggregations");
    List<IndexStats.Day> perDay = new ArrayList<>();
    for (JsonNode b : a.path("days").path("buckets")) {
      JsonNode s = b.path("stance").path("buckets");
      perDay.add(
          new IndexStats.Day(
              b.path("key").asText(),
              s.path("favor").path("doc_count").asLong(),
              s.path("against").path("doc_count").asLong(),
              s.path("neutral").path("doc_count").asLong(),
              b.path("doc_count").asLong()));
    }
    List<IndexStats.Count> entities = new ArrayList<>();
    for (JsonNode b : a.path("entities").path("buckets")) {
      String[] parts = b.path("key").asText().split("\t", 3);
      entities.add(
          new IndexStats.Count(
              parts[0],
              parts.length > 1 ? parts[1] : parts[0],
              parts.length > 2 ? parts[2] : null,
              b.path("doc_count").asLong()));
    }
    List<IndexStats.Count> sources = new ArrayList<>();
    for (JsonNode b : a.path("sources").path("buckets")) {
      sources.add(
          new IndexStats.Count(
              b.path("key").asText(), b.path("key").asText(), null, b.path("doc_count").asLong()));
    }
    return new IndexStats(
        n.path("hits").path("total").path("value").asLong(), target, perDay, entities, sources);
  }

  static List<StorySummary> stories(OpenSearchArticleIndex index, SearchQuery filter, int size) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("query", query(filter));
    body.put("size", 0);
    ObjectNode stories = body.putObject("aggs").putObject("stories");
    ObjectNode terms = stories.putObject("terms").put("field", "story").put("size", size);
    // Most sources first, then most articles, then latest, then by id: the Lucene backend's order.
    ArrayNode order = terms.putArray("order");
    order.addObject().put("sources", "desc");
    order.addObject().put("_count", "desc");
    order.addObject().put("last", "desc");
    order.addObject().put("_key", "asc");
    ObjectNode sub = stories.putObject("aggs");
    // Exact below 3,000 distinct values, far above any story's sources.
    sub.putObject("sources")
        .putObject("cardinality")
        .put("field", "source")
        .put("precision_threshold", 3000);
    sub.putObject("first").putObject("min").put("field", "time");
    sub.putObject("last").putObject("max").put("field", "time");
    ObjectNode firstHit = sub.putObject("title").putObject("top_hits");
    firstHit.put("size", 1);
    firstHit.putArray("sort").addObject().putObject("time").put("order", "asc");
    firstHit.putObject("_source").putArray("includes").add("doc.title");
    JsonNode n = index.searchRaw(body);
    List<StorySummary> out = new ArrayList<>();
    for (JsonNode b : n.path("aggregations").path("stories").path("buckets")) {
      JsonNode hit = b.path("title").path("hits").path("hits").path(0);
      out.add(
          new StorySummary(
              b.path("key").asText(),
              hit.path("_source").path("doc").path("title").asText(null),
              b.path("doc_count").asLong(),
              b.path("sources").path("value").asLong(),
              instant(b.path("first")),
              instant(b.path("last"))));
    }
    return out;
  }

  /**
   * Stories with a figure the filter selects, by their latest such article: a terms aggregation
   * ordered by its newest time, as the Lucene backend orders them.
   */
  static List<String> storiesWithFigures(
      OpenSearchArticleIndex index, FigureFilter filter, int size) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode q = query(filter.articles());
    ArrayNode must = (ArrayNode) q.path("bool").path("filter");
    if (filter.quantity() != null && filter.subject() != null) {
      subject(must, "figure", filter.quantity() + "\t", filter.subject());
    } else if (filter.quantity() != null) {
      term(must, "figure_quantity", filter.quantity());
    } else if (filter.subject() != null) {
      subject(must, "figure_subject", "", filter.subject());
    } else {
      must.addObject().putObject("exists").put("field", "figure");
    }
    if (filter.election() != null) {
      term(must, "figure_election", filter.election());
    }
    body.set("query", q);
    body.put("size", 0);
    ObjectNode stories = body.putObject("aggs").putObject("stories");
    ObjectNode terms = stories.putObject("terms").put("field", "story").put("size", size);
    ArrayNode order = terms.putArray("order");
    order.addObject().put("last", "desc");
    order.addObject().put("_key", "asc");
    stories.putObject("aggs").putObject("last").putObject("max").put("field", "time");
    List<String> out = new ArrayList<>();
    for (JsonNode b : index.searchRaw(body).path("aggregations").path("stories").path("buckets")) {
      out.add(b.path("key").asText());
    }
    return out;
  }

  private static Instant instant(JsonNode agg) {
    return agg.path("value").isNumber() ? Instant.ofEpochMilli(agg.path("value").asLong()) : null;
  }
}
