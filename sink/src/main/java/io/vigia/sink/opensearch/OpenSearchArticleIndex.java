package io.vigia.sink.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.http.Json;
import io.vigia.common.text.TextNormalizer;
import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.IndexStats;
import io.vigia.sink.index.IndexUnavailableException;
import io.vigia.sink.index.SearchResult;
import io.vigia.sink.index.StorySummary;
import io.vigia.sink.index.WriteOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster backend: an OpenSearch index behind the alias {@code settings.index()}. The alias
 * points at a versioned index ({@code vigia-articles-v1}) created from an index template with
 * per-language analysers, so a mapping change is a reindex into {@code -v2} and an alias swap.
 *
 * <p>Documents are keyed by article id (a replay overwrites). Writes are bulk requests bounded by
 * count and bytes; items the cluster throttles (429) or fails on (5xx) are retried with backoff,
 * items it rejects for their content (4xx, e.g. mapping errors) are reported as rejected, and a
 * cluster that is unreachable makes {@link #write} throw {@link IndexUnavailableException} so the
 * sink pauses without committing offsets. A bulk response means the documents are in the translog,
 * fsynced per request (the default {@code index.translog.durability: request}).
 */
public final class OpenSearchArticleIndex implements ArticleIndex {
  /** Mapping version: bump it (and reindex) when the template's mappings change. */
  public static final int MAPPING_VERSION = 1;

  private static final int MAX_ID_BYTES = 512;
  private static final Logger LOG = LoggerFactory.getLogger(OpenSearchArticleIndex.class);

  private final OpenSearchSettings settings;
  private final int mappingVersion;
  private final OpenSearchTransport transport;
  private final OpenSearchGenericClient http;

  public OpenSearchArticleIndex(OpenSearchSettings settings) {
    this(settings, MAPPING_VERSION);
  }

  /**
   * With another mapping version than this build's: tests of the migration from one to the next.
   */
  OpenSearchArticleIndex(OpenSearchSettings settings, int mappingVersion) {
    this.settings = settings;
    this.mappingVersion = mappingVersion;
    URI uri = URI.create(settings.url());
    HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort());
    ApacheHttpClient5TransportBuilder b = ApacheHttpClient5TransportBuilder.builder(host);
    b.setHttpClientConfigCallback(
        hc -> {
          if (settings.username() != null && !settings.username().isEmpty()) {
            BasicCredentialsProvider creds = new BasicCredentialsProvider();
            creds.setCredentials(
                new AuthScope(host),
                new UsernamePasswordCredentials(
                    settings.username(),
                    settings.password() == null ? new char[0] : settings.password().toCharArray()));
            hc.setDefaultCredentialsProvider(creds);
          }
          if (settings.caFile() != null) {
            hc.setConnectionManager(
                org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder
                    .create()
                    .setTlsStrategy(
                        org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder.create()
                            .setSslContext(TlsTrust.trusting(settings.caFile()))
                            .build())
                    .build());
          }
          return hc;
        });
    transport = b.build();
    http = new OpenSearchClient(transport).generic();
    try {
      ensureIndex();
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(
          "cannot set up the OpenSearch index at " + settings.url() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The versioned index the alias points at when this client creates it. */
  public String concreteIndex() {
    return settings.index() + "-v" + mappingVersion;
  }

  private void ensureIndex() throws IOException {
    JsonNode template =
        Json.MAPPER.readTree(
            OpenSearchArticleIndex.class.getResourceAsStream("index-template.json"));
    ObjectNode t = (ObjectNode) template;
    t.putArray("index_patterns").add(settings.index() + "-v*");
    Reply put =
        call(
            "PUT",
            "/_index_template/" + settings.index(),
            Map.of(),
            Json.MAPPER.writeValueAsBytes(t));
    put.requireOk("put index template");
    Reply alias = call("GET", "/_alias/" + settings.index(), Map.of(), null);
    if (alias.status == 404) {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.putObject("aliases").putObject(settings.index()).put("is_write_index", true);
      Reply created =
          call("PUT", "/" + concreteIndex(), Map.of(), Json.MAPPER.writeValueAsBytes(body));
      if (created.status != 400 || !created.body.contains("resource_already_exists")) {
        created.requireOk("create index " + concreteIndex());
      }
    } else {
      alias.requireOk("read alias " + settings.index());
      List<String> behind = new ArrayList<>();
      alias.json().fieldNames().forEachRemaining(behind::add);
      if (!behind.contains(concreteIndex())) {
        int newest = behind.stream().mapToInt(this::versionOf).max().orElse(0);
        if (newest > mappingVersion) {
          // A newer build migrated the index already (a rolling upgrade): its mapping is a superset
          // of ours.
          LOG.warn(
              "the alias {} points at {}, made by a newer Vigía (mapping v{}; this build has v{}); writing to it as it is",
              settings.index(),
              behind,
              newest,
              mappingVersion);
        } else {
          migrate(behind);
        }
      }
    }
    addFieldsNewerThanTheIndex(template);
    call(
            "GET",
            "/_cluster/health/" + settings.index(),
            Map.of("wait_for_status", "yellow", "timeout", "30s"),
            null)
        .requireOk("wait for the index");
  }

  /**
   * The mapping version in a versioned index's name ({@code vigia-articles-v3} is 3), 0 for any
   * other name.
   */
  private int versionOf(String concrete) {
    String prefix = settings.index() + "-v";
    if (concrete.startsWith(prefix)) {
      try {
        return Integer.parseInt(concrete.substring(prefix.length()));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /**
   * A mapping change: the alias points at an index made with older mappings. The new versioned
   * index is created from the template, the old documents are reindexed into it (their {@code
   * _source} holds the whole article, so the new mappings analyse it afresh), the alias moves to it
   * in one atomic step, and a second pass copies what other sinks, still on the old build, wrote
   * meanwhile ({@code op_type: create}: a document already in the new index is newer and stays).
   * The old index is kept, not deleted: deleting it is the operator's call.
   */
  private void migrate(List<String> old) throws IOException {
    String target = concreteIndex();
    LOG.info(
        "mapping v{} is new to the index behind {} ({}): reindexing into {}",
        mappingVersion,
        settings.index(),
        old,
        target);
    Reply created = call("PUT", "/" + target, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
    if (created.status != 400 || !created.body.contains("resource_already_exists")) {
      created.requireOk("create index " + target);
    }
    long copied = reindex(old, target);
    ObjectNode swap = Json.MAPPER.createObjectNode();
    ArrayNode actions = swap.putArray("actions");
    for (String o : old) {
      actions.addObject().putObject("remove").put("index", o).put("alias", settings.index());
    }
    actions
        .addObject()
        .putObject("add")
        .put("index", target)
        .put("alias", settings.index())
        .put("is_write_index", true);
    call("POST", "/_aliases", Map.of(), Json.MAPPER.writeValueAsBytes(swap))
        .requireOk("move alias " + settings.index() + " to " + target);
    long late = reindex(old, target);
    LOG.info(
        "alias {} now points at {} ({} documents reindexed, {} more written meanwhile); {} kept: delete it when satisfied",
        settings.index(),
        target,
        copied,
        late,
        old);
  }

  /**
   * Copies the documents of {@code from} missing in {@code to}, waiting for the task (which may
   * outlast one HTTP timeout).
   */
  private long reindex(List<String> from, String to) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode sources = body.putObject("source").putArray("index");
    from.forEach(sources::add);
    body.putObject("dest").put("index", to).put("op_type", "create");
    body.put("conflicts", "proceed");
    Reply started =
        call(
            "POST",
            "/_reindex",
            Map.of("wait_for_completion", "false", "refresh", "true"),
            Json.MAPPER.writeValueAsBytes(body));
    started.requireOk("reindex " + from + " into " + to);
    String task = started.json().path("task").asText();
    while (true) {
      Reply status = call("GET", "/_tasks/" + task, Map.of(), null);
      status.requireOk("follow reindex task " + task);
      if (status.json().path("completed").asBoolean()) {
        JsonNode result = status.json().path("response");
        if (result.path("failures").size() > 0 || status.json().has("error")) {
          throw new IllegalStateException(
              "reindex into "
                  + to
                  + " failed: "
                  + abbreviate(
                      status.json().has("error")
                          ? status.json().path("error").toString()
                          : result.path("failures").toString()));
        }
        return result.path("created").asLong();
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reindexing into " + to, e);
      }
    }
  }

  /**
   * Fields added to the template after {@code -v1} was created ({@code entity_name}, {@code
   * story_sources}) are put on the existing index too: adding a field is a compatible mapping
   * change, so no reindex is needed; documents written before it lack the field until they are
   * written again.
   */
  private void addFieldsNewerThanTheIndex(JsonNode template) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode props = body.putObject("properties");
    JsonNode all = template.path("template").path("mappings").path("properties");
    for (String f : new String[] {"entity_name", "story_sources"}) {
      props.set(f, all.get(f));
    }
    call("PUT", "/" + settings.index() + "/_mapping", Map.of(), Json.MAPPER.writeValueAsBytes(body))
        .requireOk("add new fields");
  }

  @Override
  public WriteOutcome write(List<ArticleDocument> documents) throws IndexUnavailableException {
    Map<String, ArticleDocument> pending = new LinkedHashMap<>();
    List<WriteOutcome.Rejected> rejected = new ArrayList<>();
    for (ArticleDocument d : documents) {
      if (d.id() == null
          || d.id().isEmpty()
          || d.id().getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
        // OpenSearch would fail the whole bulk request for it, so it is rejected here, alone
        rejected.add(
            new WriteOutcome.Rejected(
                d.id(), "document id is empty or longer than " + MAX_ID_BYTES + " bytes"));
      } else {
        pending.put(d.id(), d); // the last write of an id wins, as in Lucene
      }
    }
    int written = 0;
    long backoff = 100;
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt > 0) {
        if (attempt > settings.maxRetries()) {
          throw new IndexUnavailableException(
              "OpenSearch kept refusing " + pending.size() + " documents (429/5xx)", null);
        }
        sleep(backoff);
        backoff = Math.min(backoff * 2, 5_000);
      }
      Map<String, ArticleDocument> retry = new LinkedHashMap<>();
      for (List<ArticleDocument> chunk : chunks(new ArrayList<>(pending.values()))) {
        JsonNode items = bulk(chunk);
        for (JsonNode item : items) {
          JsonNode r = item.path("index");
          String id = r.path("_id").asText();
          int status = r.path("status").asInt();
          if (status >= 200 && status < 300) {
            written++;
          } else if (status == 429 || status >= 500) {
            retry.put(id, pending.get(id));
          } else {
            rejected.add(
                new WriteOutcome.Rejected(
                    id,
                    "OpenSearch "
                        + status
                        + ": "
                        + r.path("error").path("type").asText()
                        + ": "
                        + r.path("error").path("reason").asText()));
          }
        }
      }
      pending = retry;
    }
    return new WriteOutcome(written, rejected);
  }

  /**
   * One bulk request of the documents with no chunking, retries or outcome checks: the benchmark's
   * baseline.
   */
  public void rawBulk(List<ArticleDocument> documents) throws IndexUnavailableException {
    bulk(documents);
  }

  /**
   * Splits a batch into bulk requests of at most {@code bulkMaxDocs} documents and about {@code
   * bulkMaxBytes}.
   */
  private List<List<ArticleDocument>> chunks(List<ArticleDocument> docs) {
    List<List<ArticleDocument>> out = new ArrayList<>();
    List<ArticleDocument> cur = new ArrayList<>();
    long bytes = 0;
    for (ArticleDocument d : docs) {
      long size = approxBytes(d);
      if (!cur.isEmpty()
          && (cur.size() >= settings.bulkMaxDocs() || bytes + size > settings.bulkMaxBytes())) {
        out.add(cur);
        cur = new ArrayList<>();
        bytes = 0;
      }
      cur.add(d);
      bytes += size;
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }

  private static long approxBytes(ArticleDocument d) {
    return 2L * (len(d.text()) + len(d.title()) + len(d.description())) + 1024;
  }

  private static int len(String s) {
    return s == null ? 0 : s.length();
  }

  private JsonNode bulk(List<ArticleDocument> chunk) throws IndexUnavailableException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (ArticleDocument d : chunk) {
        ObjectNode action = Json.MAPPER.createObjectNode();
        action.putObject("index").put("_id", d.id());
        body.write(Json.MAPPER.writeValueAsBytes(action));
        body.write('\n');
        body.write(Json.MAPPER.writeValueAsBytes(toSource(d)));
        body.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Reply reply;
    try {
      reply =
          call(
              "POST",
              "/" + settings.index() + "/_bulk",
              Map.of(),
              body.toByteArray(),
              "application/x-ndjson");
    } catch (IOException | RuntimeException e) {
      throw new IndexUnavailableException(
          "OpenSearch unreachable at " + settings.url() + ": " + e.getMessage(), e);
    }
    if (reply.status == 429 || reply.status >= 500) {
      throw new IndexUnavailableException(
          "OpenSearch bulk answered " + reply.status + ": " + abbreviate(reply.body), null);
    }
    if (reply.status >= 300) {
      throw new IllegalStateException(
          "OpenSearch bulk answered " + reply.status + ": " + abbreviate(reply.body));
    }
    try {
      return Json.MAPPER.readTree(reply.body).path("items");
    } catch (IOException e) {
      throw new IndexUnavailableException("unreadable bulk response: " + e.getMessage(), e);
    }
  }

  /**
   * The indexed form: search fields at the top, the whole document under {@code doc} (stored, not
   * indexed).
   */
  static ObjectNode toSource(ArticleDocument d) {
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.set("doc", Json.MAPPER.valueToTree(d));
    s.put("title", d.title());
    s.put("text", d.text());
    String lang = d.language() == null ? "" : d.language();
    if (lang.equals("es") || lang.equals("en")) {
      s.put("title_" + lang, d.title());
      s.put("text_" + lang, d.text());
    }
    s.put("language", d.language());
    s.put("source", d.source());
    s.put("story", d.storyId());
    s.put("dedup", d.dedupStatus());
    s.put("story_sources", d.storySources());
    Instant t = d.effectiveTime();
    if (t != null) {
      s.put("time", t.toString());
      s.put("published_day", d.publishedDay());
    }
    ArrayNode entities = s.putArray("entity");
    ArrayNode linked = s.putArray("entity_key");
    ArrayNode names = s.putArray("entity_name");
    for (ArticleDocument.EntityRef e : d.entities()) {
      entities.add(e.id());
      names.add(TextNormalizer.fold(e.name()));
      if (e.linked()) {
        linked.add(e.id() + "\t" + e.name() + "\t" + e.type());
      }
    }
    ArrayNode stance = s.putArray("stance");
    for (ArticleDocument.StanceRef r : d.stance()) {
      stance.add(r.target() + ":" + r.label());
    }
    return s;
  }

  @Override
  public Optional<ArticleDocument> get(String id) {
    Reply r =
        callUnchecked(
            "GET",
            "/" + settings.index() + "/_doc/" + URLEncoder.encode(id, StandardCharsets.UTF_8),
            Map.of(),
            null);
    if (r.status == 404) {
      return Optional.empty();
    }
    r.requireOk("get " + id);
    JsonNode n = r.json();
    if (!n.path("found").asBoolean()) {
      return Optional.empty();
    }
    return Optional.of(doc(n.path("_source")));
  }

  private static ArticleDocument doc(JsonNode source) {
    try {
      return Json.MAPPER.treeToValue(source.path("doc"), ArticleDocument.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      page.add(doc(hit.path("_source")));
    }
    return new SearchResult(n.path("hits").path("total").path("value").asLong(), page);
  }

  JsonNode searchRaw(ObjectNode body) {
    try {
      Reply r =
          call(
              "POST",
              "/" + settings.index() + "/_search",
              Map.of(),
              Json.MAPPER.writeValueAsBytes(body));
      if (r.status == 400) {
        throw new IllegalArgumentException("cannot understand query: " + abbreviate(r.body));
      }
      if (r.body.contains("too_many_clauses")) {
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
  public long count() {
    Reply r = callUnchecked("GET", "/" + settings.index() + "/_count", Map.of(), null);
    r.requireOk("count");
    return r.json().path("count").asLong();
  }

  /**
   * Makes every acknowledged write searchable now (tests and benchmarks; the index refreshes each
   * second anyway).
   */
  public void refresh() {
    callUnchecked("POST", "/" + settings.index() + "/_refresh", Map.of(), null)
        .requireOk("refresh");
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }

  private Reply callUnchecked(String method, String path, Map<String, String> params, byte[] body) {
    try {
      return call(method, path, params, body);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "OpenSearch " + method + " " + path + " failed: " + e.getMessage(), e);
    }
  }

  private Reply call(String method, String path, Map<String, String> params, byte[] body)
      throws IOException {
    return call(method, path, params, body, "application/json");
  }

  private Reply call(
      String method, String path, Map<String, String> params, byte[] body, String type)
      throws IOException {
    Body b = body == null ? null : Body.from(body, type);
    try (Response r =
        http.execute(Requests.create(method, path, List.of(), new HashMap<>(params), b))) {
      String text = r.getBody().map(Body::bodyAsString).orElse("");
      return new Reply(r.getStatus(), text);
    } catch (IOException e) {
      // The transport throws for some statuses (401, 403, 429, 502-504 after its own retries),
      // wrapped, instead of returning them: they are answers, and the callers decide (retry,
      // pause, reject). Refused credentials are a setup error with a fix.
      ResponseException answer = responseIn(e);
      if (answer == null) {
        throw e;
      }
      if (answer.status() == 401 || answer.status() == 403) {
        throw new IllegalStateException(
            "OpenSearch at "
                + settings.url()
                + " refused "
                + method
                + " "
                + path
                + " with HTTP "
                + answer.status()
                + (answer.status() == 401
                    ? ": wrong or missing credentials; check sink.opensearch.username and sink.opensearch.password-file"
                    : ": the user lacks a permission for it; grant it in the cluster's security roles")
                + " (VIGIA_SINK_OPENSEARCH_USERNAME, VIGIA_SINK_OPENSEARCH_PASSWORD)",
            e);
      }
      return new Reply(answer.status(), answer.getMessage());
    }
  }

  private static ResponseException responseIn(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ResponseException r) {
        return r;
      }
    }
    return null;
  }

  private static String abbreviate(String s) {
    return s.length() > 500 ? s.substring(0, 500) + "…" : s;
  }

  private static void sleep(long ms) throws IndexUnavailableException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexUnavailableException("interrupted while backing off", e);
    }
  }

  private record Reply(int status, String body) {
    void requireOk(String what) {
      if (status < 200 || status >= 300) {
        throw new IllegalStateException(
            "OpenSearch " + what + " answered " + status + ": " + abbreviate(body));
      }
    }

    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
