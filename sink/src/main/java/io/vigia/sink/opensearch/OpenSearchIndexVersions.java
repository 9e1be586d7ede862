package io.vigia.sink.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.http.Json;
import io.vigia.sink.opensearch.OpenSearchHttp.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versions behind the search alias of the cluster backend, for reprocessing: a run N writes a
 * new index {@code <alias>-v<M>-r<N>} (M the mapping version, so a later mapping change still
 * migrates it like {@code <alias>-vM}) while the live sink keeps writing through the alias, and
 * {@link #switchTo} then moves the alias to it in one {@code _aliases} request (remove every index
 * behind it, add the run's as the write index), which OpenSearch applies atomically: every search
 * and every live write after it goes to the new version. The version switched from is kept, not
 * deleted: deleting it is the operator's call, as after a mapping migration.
 *
 * <p>Everything is read back from the cluster, never remembered here: which run an index belongs to
 * is in its name, so a process killed mid-run finds the index it was writing at its next start, and
 * one killed after the switch finds the alias already moved.
 */
public final class OpenSearchIndexVersions implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpenSearchIndexVersions.class);
  private static final Pattern VERSIONED = Pattern.compile("-v(\\d+)(?:-r(\\d+))?");

  private final OpenSearchSettings settings;
  private final OpenSearchHttp http;
  private final int mappingVersion;

  /**
   * @param settings the live sink's settings; {@code settings.index()} is the alias
   */
  public OpenSearchIndexVersions(OpenSearchSettings settings) {
    this(settings, OpenSearchArticleIndex.MAPPING_VERSION);
  }

  OpenSearchIndexVersions(OpenSearchSettings settings, int mappingVersion) {
    this.settings = settings;
    this.http = new OpenSearchHttp(settings);
    this.mappingVersion = mappingVersion;
  }

  /** The alias searches and live writes use. */
  public String alias() {
    return settings.index();
  }

  /** The index run {@code run} writes with mapping version {@code mapping}. */
  static String runIndexName(String alias, int mapping, int run) {
    if (run < 1) {
      throw new IllegalArgumentException("a reprocessing run is numbered from 1, not " + run);
    }
    return alias + "-v" + mapping + "-r" + run;
  }

  /**
   * The run in a versioned index's name: N for {@code alias-vM-rN}, 0 for {@code alias-vM} (made by
   * the sink itself), -1 for any other name.
   */
  static int runOf(String alias, String index) {
    Matcher m = match(alias, index);
    if (m == null) {
      return -1;
    }
    return m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
  }

  /**
   * The mapping version in a versioned index's name ({@code alias-vM} or {@code alias-vM-rN}), else
   * 0.
   */
  static int mappingOf(String alias, String index) {
    Matcher m = match(alias, index);
    return m == null ? 0 : Integer.parseInt(m.group(1));
  }

  private static Matcher match(String alias, String index) {
    if (!index.startsWith(alias)) {
      return null;
    }
    Matcher m = VERSIONED.matcher(index.substring(alias.length()));
    if (!m.matches()) {
      return null;
    }
    try {
      Integer.parseInt(m.group(1));
      if (m.group(2) != null) {
        Integer.parseInt(m.group(2));
      }
      return m;
    } catch (NumberFormatException e) {
      return null; // digits beyond an int: not a name we made
    }
  }

  /**
   * What is on the cluster: the versioned indices of the alias ({@code alias-v*}) and those the
   * alias points at now.
   */
  record Behind(String alias, List<String> indices, List<String> current) {
    Behind {
      indices = List.copyOf(indices);
      current = List.copyOf(current);
    }

    /** The run whose index the alias names (0: the sink's own index, or none). */
    int currentRun() {
      return current.stream().mapToInt(i -> runOf(alias, i)).max().orElse(0);
    }

    /** The highest run with an index, so a new run never reuses one. */
    int newestRun() {
      return Math.max(
          currentRun(), indices.stream().mapToInt(i -> runOf(alias, i)).max().orElse(0));
    }

    /** The index run {@code run} wrote, whatever mapping version it was made with. */
    Optional<String> indexOfRun(int run) {
      return indices.stream().filter(i -> runOf(alias, i) == run).findFirst();
    }
  }

  /** Reads the indices named {@code alias-v*} and the alias's targets. */
  Behind look() {
    Reply named =
        http.callUnchecked(
            "GET", "/" + alias() + "-v*/_alias", Map.of("allow_no_indices", "true"), null);
    named.requireOk("list the versions of " + alias());
    List<String> indices = new ArrayList<>();
    named.json().fieldNames().forEachRemaining(indices::add);
    Reply pointed = http.callUnchecked("GET", "/_alias/" + alias(), Map.of(), null);
    List<String> current = new ArrayList<>();
    if (pointed.status() != 404) {
      pointed.requireOk("read alias " + alias());
      pointed.json().fieldNames().forEachRemaining(current::add);
    }
    return new Behind(alias(), indices, current);
  }

  /** The run whose index the alias points at now; 0 when it is the sink's own index. */
  public int currentRun() {
    return look().currentRun();
  }

  /** The highest run number with an index on the cluster. */
  public int newestRun() {
    return look().newestRun();
  }

  /** The index of run {@code run}: the one it already wrote, else the name it gets. */
  public String indexOfRun(int run) {
    return look().indexOfRun(run).orElse(runIndexName(alias(), mappingVersion, run));
  }

  /**
   * Opens run {@code run}'s index for the run's sink, creating it from the index template when it
   * is not there yet (a resumed run finds and keeps what it wrote). It is not searched until {@link
   * #switchTo}.
   */
  public OpenSearchArticleIndex openRun(int run) {
    try {
      // The template (analysers, mappings) and the alias in place, as the live sink makes them.
      new VersionedIndex(http, alias(), mappingVersion).ensure();
      String index = indexOfRun(run);
      Reply created =
          http.call("PUT", "/" + index, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
      if (created.status() != 400 || !created.body().contains("resource_already_exists")) {
        created.requireOk("create index " + index);
        LOG.info("reprocessing run {} writes the new index {}", run, index);
      }
      http.call(
              "GET",
              "/_cluster/health/" + index,
              Map.of("wait_for_status", "yellow", "timeout", "30s"),
              null)
          .requireOk("wait for index " + index);
      return OpenSearchArticleIndex.concrete(settings, index);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "OpenSearch unreachable at " + settings.url() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Copies into run {@code run}'s index the documents of the current version it does not hold yet
   * ({@code op_type: create}: what the run wrote stays): for a run that re-judges only recent
   * articles. Safe to repeat after a crash.
   *
   * @return the number of documents copied
   */
  public long copyCurrentInto(int run) {
    Behind b = look();
    String target = b.indexOfRun(run).orElse(runIndexName(alias(), mappingVersion, run));
    List<String> from = b.current().stream().filter(i -> !i.equals(target)).toList();
    if (from.isEmpty()) {
      return 0;
    }
    try {
      return VersionedIndex.reindex(http, from, target);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot copy " + from + " into " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Points the alias at run {@code run}'s index: a refresh (so the first search after the switch
   * sees every acknowledged write), then one {@code _aliases} request that removes the alias from
   * every index behind it and adds it to the run's as the write index. Nothing when it points there
   * already (a run killed after the switch).
   */
  public void switchTo(int run) {
    Behind b = look();
    String target =
        b.indexOfRun(run)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "run " + run + " has no index behind " + alias() + " to switch to"));
    if (b.current().equals(List.of(target))) {
      return;
    }
    http.callUnchecked("POST", "/" + target + "/_refresh", Map.of(), null)
        .requireOk("refresh " + target);
    try {
      http.callUnchecked(
              "POST",
              "/_aliases",
              Map.of(),
              Json.MAPPER.writeValueAsBytes(swap(alias(), b.current(), target)))
          .requireOk("move alias " + alias() + " to " + target);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    LOG.info(
        "alias {} now points at {}; {} kept: delete it when satisfied",
        alias(),
        target,
        b.current());
  }

  /** The {@code _aliases} body that moves {@code alias} from {@code from} to {@code to}. */
  static ObjectNode swap(String alias, List<String> from, String to) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode actions = body.putArray("actions");
    for (String o : from) {
      if (!o.equals(to)) {
        actions.addObject().putObject("remove").put("index", o).put("alias", alias);
      }
    }
    actions
        .addObject()
        .putObject("add")
        .put("index", to)
        .put("alias", alias)
        .put("is_write_index", true);
    return body;
  }

  @Override
  public void close() {
    http.close();
  }
}
