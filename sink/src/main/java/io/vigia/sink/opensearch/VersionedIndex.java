package io.vigia.sink.opensearch;

import static io.vigia.sink.opensearch.OpenSearchHttp.abbreviate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.http.Json;
import io.vigia.sink.opensearch.OpenSearchHttp.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index's set-up: the index template with per-language analysers, the alias {@code
 * settings.index()} and the versioned index behind it ({@code vigia-articles-v1}), so a mapping
 * change is a reindex into {@code -v2} and an alias swap. {@link #ensure} is idempotent: every sink
 * runs it at start, whichever comes first creates.
 */
final class VersionedIndex {
  private static final Logger LOG = LoggerFactory.getLogger(VersionedIndex.class);

  private final OpenSearchHttp http;
  private final String alias;
  private final int mappingVersion;

  VersionedIndex(OpenSearchHttp http, String alias, int mappingVersion) {
    this.http = http;
    this.alias = alias;
    this.mappingVersion = mappingVersion;
  }

  /** The versioned index the alias points at when this client creates it. */
  String concreteIndex() {
    return alias + "-v" + mappingVersion;
  }

  /**
   * Puts the template, creates the alias and its index or migrates an older one, adds fields newer
   * than the index, and waits for the index to be usable.
   */
  void ensure() throws IOException {
    // A cluster still starting answers 503 (no elected manager yet): not there yet, like a refused
    // connection, rather than a setup error.
    Reply root = http.call("GET", "/", Map.of(), null);
    if (root.status() == 429 || root.status() >= 500) {
      throw new IOException("OpenSearch answered " + root.status() + ": not ready yet");
    }
    JsonNode template =
        Json.MAPPER.readTree(
            OpenSearchArticleIndex.class.getResourceAsStream("index-template.json"));
    ObjectNode t = (ObjectNode) template;
    t.putArray("index_patterns").add(alias + "-v*");
    Reply put =
        http.call("PUT", "/_index_template/" + alias, Map.of(), Json.MAPPER.writeValueAsBytes(t));
    put.requireOk("put index template");
    Reply current = http.call("GET", "/_alias/" + alias, Map.of(), null);
    if (current.status() == 404) {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.putObject("aliases").putObject(alias).put("is_write_index", true);
      Reply created =
          http.call("PUT", "/" + concreteIndex(), Map.of(), Json.MAPPER.writeValueAsBytes(body));
      if (created.status() != 400 || !created.body().contains("resource_already_exists")) {
        created.requireOk("create index " + concreteIndex());
      }
    } else {
      current.requireOk("read alias " + alias);
      List<String> behind = new ArrayList<>();
      current.json().fieldNames().forEachRemaining(behind::add);
      if (!behind.contains(concreteIndex())) {
        // A reprocessing run's version of this mapping (alias-vM-rN) is as current as alias-vM.
        int newest = behind.stream().mapToInt(this::versionOf).max().orElse(0);
        if (newest == mappingVersion) {
          LOG.debug("the alias {} points at {}, a reprocessed version", alias, behind);
        } else if (newest > mappingVersion) {
          // A newer build migrated the index already (a rolling upgrade): its mapping is a superset
          // of ours.
          LOG.warn(
              "the alias {} points at {}, made by a newer Vigía (mapping v{}; this build has v{}); writing to it as it is",
              alias,
              behind,
              newest,
              mappingVersion);
        } else {
          migrate(behind);
        }
      }
    }
    addFieldsNewerThanTheIndex(template);
    http.call(
            "GET",
            "/_cluster/health/" + alias,
            Map.of("wait_for_status", "yellow", "timeout", "30s"),
            null)
        .requireOk("wait for the index");
  }

  /**
   * The mapping version in a versioned index's name ({@code vigia-articles-v3} and a reprocessing
   * run's {@code vigia-articles-v3-r2} are 3), 0 for any other name.
   */
  private int versionOf(String concrete) {
    return OpenSearchIndexVersions.mappingOf(alias, concrete);
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
        alias,
        old,
        target);
    Reply created = http.call("PUT", "/" + target, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
    if (created.status() != 400 || !created.body().contains("resource_already_exists")) {
      created.requireOk("create index " + target);
    }
    long copied = reindex(http, old, target);
    ObjectNode swap = Json.MAPPER.createObjectNode();
    ArrayNode actions = swap.putArray("actions");
    for (String o : old) {
      actions.addObject().putObject("remove").put("index", o).put("alias", alias);
    }
    actions
        .addObject()
        .putObject("add")
        .put("index", target)
        .put("alias", alias)
        .put("is_write_index", true);
    http.call("POST", "/_aliases", Map.of(), Json.MAPPER.writeValueAsBytes(swap))
        .requireOk("move alias " + alias + " to " + target);
    long late = reindex(http, old, target);
    LOG.info(
        "alias {} now points at {} ({} documents reindexed, {} more written meanwhile); {} kept: delete it when satisfied",
        alias,
        target,
        copied,
        late,
        old);
  }

  /**
   * Copies the documents of {@code from} missing in {@code to}, waiting for the task (which may
   * outlast one HTTP timeout). Also a reprocessing run's copy of what it does not re-judge.
   */
  static long reindex(OpenSearchHttp http, List<String> from, String to) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode sources = body.putObject("source").putArray("index");
    from.forEach(sources::add);
    body.putObject("dest").put("index", to).put("op_type", "create");
    body.put("conflicts", "proceed");
    Reply started =
        http.call(
            "POST",
            "/_reindex",
            Map.of("wait_for_completion", "false", "refresh", "true"),
            Json.MAPPER.writeValueAsBytes(body));
    started.requireOk("reindex " + from + " into " + to);
    String task = started.json().path("task").asText();
    while (true) {
      Reply status = http.call("GET", "/_tasks/" + task, Map.of(), null);
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
   * story_sources}, {@code off_topic}, {@code published_day}) or after {@code -v2} ({@code
   * figure_election}) are put on the existing index too: adding a field is a compatible mapping
   * change, so no reindex is needed; documents written before it lack the field until they are
   * written again.
   */
  private void addFieldsNewerThanTheIndex(JsonNode template) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode props = body.putObject("properties");
    JsonNode all = template.path("template").path("mappings").path("properties");
    for (String f :
        new String[] {
          "entity_name",
          "story_sources",
          OpenSearchCorrections.OFF_TOPIC,
          "published_day",
          "figure_election"
        }) {
      props.set(f, all.get(f));
    }
    http.call("PUT", "/" + alias + "/_mapping", Map.of(), Json.MAPPER.writeValueAsBytes(body))
        .requireOk("add new fields");
  }
}
