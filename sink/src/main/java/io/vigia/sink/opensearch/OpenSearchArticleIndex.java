package io.vigia.sink.opensearch;

import static io.vigia.sink.opensearch.OpenSearchHttp.abbreviate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.http.Json;
import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.FigureFilter;
import io.vigia.sink.index.IndexStats;
import io.vigia.sink.index.IndexUnavailableException;
import io.vigia.sink.index.SearchResult;
import io.vigia.sink.index.StorySummary;
import io.vigia.sink.index.WriteOutcome;
import io.vigia.sink.opensearch.OpenSearchHttp.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster backend: an OpenSearch index behind the alias {@code settings.index()}, set up (and
 * migrated on a mapping change) by {@link VersionedIndex}, written by {@link BulkWriter}, read
 * here.
 *
 * <p>Documents are keyed by article id (a replay overwrites). A cluster that is unreachable makes
 * {@link #write} throw {@link IndexUnavailableException} so the sink pauses without committing
 * offsets. A bulk response means the documents are in the translog, fsynced per request (the
 * default {@code index.translog.durability: request}).
 */
public final class OpenSearchArticleIndex implements ArticleIndex {
  /**
   * Mapping version: bump it (and reindex) when the template's mappings change. 2: the figure
   * fields ({@code figure}, {@code figure_quantity}, {@code figure_subject}); {@code
   * figure_election} came later as an added field ({@link VersionedIndex} puts it on an existing
   * index, no reindex).
   */
  public static final int MAPPING_VERSION = 2;

  private static final Logger LOG = LoggerFactory.getLogger(OpenSearchArticleIndex.class);

  private final OpenSearchSettings settings;
  private final OpenSearchHttp http;
  private final VersionedIndex versioned;
  private final BulkWriter writer;

  /**
   * Whether the template, alias and index are in place: done at start, or once OpenSearch answers.
   */
  private volatile boolean setUp;

  public OpenSearchArticleIndex(OpenSearchSettings settings) {
    this(settings, MAPPING_VERSION);
  }

  /**
   * With another mapping version than this build's: tests of the migration from one to the next.
   */
  OpenSearchArticleIndex(OpenSearchSettings settings, int mappingVersion) {
    this.settings = settings;
    this.http = new OpenSearchHttp(settings);
    this.versioned = new VersionedIndex(http, settings.index(), mappingVersion);
    this.writer = new BulkWriter(http, settings);
    try {
      setUp();
    } catch (IndexUnavailableException e) {
      // Not a reason to stop the pipeline: the sink pauses on it and retries until it answers.
      LOG.warn("{}; the sink waits for it", e.getMessage());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The settings it was made with: the alias (or, for a run's version, the index) it uses. */
  public OpenSearchSettings settings() {
    return settings;
  }

  /**
   * Reads and writes the index named {@code settings.index()} as it is, with no set-up: a
   * reprocessing run's next version, which {@link OpenSearchIndexVersions} creates and later puts
   * behind the alias.
   */
  private OpenSearchArticleIndex(OpenSearchSettings concrete, boolean alreadySetUp) {
    this.settings = concrete;
    this.http = new OpenSearchHttp(concrete);
    this.versioned = null;
    this.writer = new BulkWriter(http, concrete);
    this.setUp = alreadySetUp;
  }

  /** The index {@code index} itself, not behind the alias (set up by the caller). */
  static OpenSearchArticleIndex concrete(OpenSearchSettings settings, String index) {
    return new OpenSearchArticleIndex(settings.withIndex(index), true);
  }

  /**
   * Sets the index up unless done; an unreachable cluster (refused, timed out, still starting) is
   * {@link IndexUnavailableException}, a refusal with a fix (credentials, mappings) is not.
   */
  private synchronized void setUp() throws IndexUnavailableException {
    if (setUp) {
      return;
    }
    try {
      versioned.ensure();
      setUp = true;
    } catch (IOException e) {
      throw new IndexUnavailableException(
          "OpenSearch unreachable at "
              + settings.url()
              + " ("
              + e.getMessage()
              + "); the index is set up once it answers",
          e);
    }
  }

  /** For reads, which cannot pause: unavailable is an unchecked I/O failure, as mid-run. */
  private void requireSetUp() {
    try {
      setUp();
    } catch (IndexUnavailableException e) {
      throw new UncheckedIOException(new IOException(e.getMessage(), e));
    }
  }

  /** The versioned index the alias points at when this client creates it. */
  public String concreteIndex() {
    return versioned == null ? settings.index() : versioned.concreteIndex();
  }

  @Override
  public WriteOutcome write(List<ArticleDocument> documents) throws IndexUnavailableException {
    setUp();
    return writer.write(documents);
  }

  /**
   * One bulk request of the documents with no chunking, retries or outcome checks: the benchmark's
   * baseline.
   */
  public void rawBulk(List<ArticleDocument> documents) throws IndexUnavailableException {
    setUp();
    writer.bulk(documents);
  }

  @Override
  public Optional<ArticleDocument> get(String id) {
    requireSetUp();
    Reply r =
        http.callUnchecked(
            "GET",
            "/" + settings.index() + "/_doc/" + URLEncoder.encode(id, StandardCharsets.UTF_8),
            Map.of(),
            null);
    if (r.status() == 404) {
      return Optional.empty();
    }
    r.requireOk("get " + id);
    JsonNode n = r.json();
    if (!n.path("found").asBoolean()) {
      return Optional.empty();
    }
    return Optional.of(IndexedArticle.fromSource(n.path("_source")));
  }

  @Override
  public SearchResult search(SearchQuery q) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("query", OpenSearchQueries.query(q));
    body.put("from", q.from());
    body.put("size", q.size());
    body.put("track_total_hits", true);
    ArrayNode sort = body.putArray("sort");
    switch (q.sort()) {
      case NEWEST ->
          sort.addObject().putObject("time").put("order", "desc").put("missing", "_last");
      case OLDEST -> sort.addObject().putObject("time").put("order", "asc").put("missing", "_last");
      case RELEVANCE -> sort.add("_score");
    }
    sort.addObject().putObject("_id").put("order", "asc");
    JsonNode n = searchRaw(body);
    List<ArticleDocument> page = new ArrayList<>();
    for (JsonNode hit : n.path("hits").path("hits")) {
      page.add(IndexedArticle.fromSource(hit.path("_source")));
    }
    return new SearchResult(n.path("hits").path("total").path("value").asLong(), page);
  }

  JsonNode searchRaw(ObjectNode body) {
    requireSetUp();
    try {
      Reply r =
          http.call(
              "POST",
              "/" + settings.index() + "/_search",
              Map.of(),
              Json.MAPPER.writeValueAsBytes(body));
      if (r.status() == 400) {
        throw new IllegalArgumentException("cannot understand query: " + abbreviate(r.body()));
      }
      if (r.body().contains("too_many_clauses")) {
        throw tooManyClauses();
      }
      r.requireOk("search");
      return r.json();
    } catch (IOException e) {
      // OpenSearch answers a query that expands past its clause limit with a 500: it is still the
      // caller's to narrow.
      if (String.valueOf(e.getMessage()).contains("too_many_clauses")) {
        throw tooManyClauses();
      }
      throw new UncheckedIOException("OpenSearch search failed: " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException tooManyClauses() {
    return new IllegalArgumentException(
        "the query has too many words or expands to too many terms; use fewer words or a longer prefix");
  }

  @Override
  public IndexStats stats(SearchQuery filter, String target, int top) {
    return OpenSearchQueries.stats(this, filter, target, top);
  }

  @Override
  public List<StorySummary> stories(SearchQuery filter, int size) {
    return OpenSearchQueries.stories(this, filter, size);
  }

  @Override
  public List<String> storiesWithFigures(FigureFilter filter, int size) {
    return OpenSearchQueries.storiesWithFigures(this, filter, size);
  }

  @Override
  public long count() {
    requireSetUp();
    Reply r = http.callUnchecked("GET", "/" + settings.index() + "/_count", Map.of(), null);
    r.requireOk("count");
    return r.json().path("count").asLong();
  }

  /**
   * Makes every acknowledged write searchable now (tests and benchmarks; the index refreshes each
   * second anyway).
   */
  public void refresh() {
    requireSetUp();
    http.callUnchecked("POST", "/" + settings.index() + "/_refresh", Map.of(), null)
        .requireOk("refresh");
  }

  @Override
  public void close() {
    http.close();
  }
}
