package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.app.reprocess.SinkHold;
import io.vigia.app.testing.BundledProfile;
import io.vigia.app.testing.SyntheticHistory;
import io.vigia.common.config.Config;
import io.vigia.common.http.Json;
import io.vigia.common.testing.OpenSearchNode;
import io.vigia.sink.opensearch.OpenSearchArticleIndex;
import io.vigia.sink.opensearch.OpenSearchSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigia reprocess} with {@code sink.backend: opensearch}, in one process (embedded KRaft
 * broker) against a real OpenSearch: a stored history is re-enriched with a changed profile into
 * the index {@code vigia-articles-vM-r1} (M the mapping version) while live articles keep arriving,
 * the run is stopped abruptly mid-way and resumed by the next start, and the alias then points at
 * the new index, which lists every article once, copies linked, an analyst's correction still
 * winning. Small on purpose (the Lucene {@code ReprocessIT} covers the run's logic at more length).
 */
class OpenSearchReprocessIT {
  private static final String ALIAS = "vigia-articles";
  private static final String CURRENT =
      ALIAS + "-v" + io.vigia.sink.opensearch.OpenSearchArticleIndex.MAPPING_VERSION;
  private static final String CORRECTED = SyntheticHistory.article(0).getId();
  private static final int STORED = 150;
  private static final int LIVE = 10;

  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldReEnrichIntoANewIndexAndMoveTheAliasResumingAfterACrash() throws Exception {
    try (OpenSearchNode os = OpenSearchNode.start()) {
      Path profile = BundledProfile.copyTo(tmp.resolve("profile"));
      Path data = tmp.resolve("data");
      Path config =
          Files.writeString(
              tmp.resolve("vigia.yaml"),
              """
          profile: %s
          feeds:
            - url: http://127.0.0.1:9/nothing.xml
              name: Nothing
          ingest:
            allow-private-addresses: true
          http:
            port: 0
          alerts:
            enabled: false
          sink:
            backend: opensearch
            opensearch:
              url: %s
          """
                  .formatted(profile, os.url()));
      int census = 0;
      for (int i = 0; i < STORED; i++) {
        census += SyntheticHistory.isCensusText(i) ? 1 : 0;
      }
      long relevantBefore = STORED - census;

      try (PipelineHandle p = start(config, data)) {
        SyntheticHistory.store(p.bootstrapServers(), 0, STORED);
        p.await(
            "/api/articles?size=0&duplicates=true",
            j -> j.path("total").asLong() == relevantBefore,
            Duration.ofSeconds(300));
        HttpResponse<String> corrected =
            p.post(
                "/api/articles/" + CORRECTED + "/corrections",
                "{\"stance\": {\"target\": \"maduro-government\", \"label\": \"favor\"}}");
        assertThat(corrected.statusCode()).as(corrected.body()).isBetween(200, 299);

        SyntheticHistory.censusOnTopic(
            profile); // the census now counts: every stored article becomes relevant
        // Its sink holds the write that would complete the STORED documents the run must write
        // before it can switch, so it is halted mid-way whatever the machine's load.
        SinkHold hold = p.reprocessing().holdNextRunSink(STORED);
        HttpResponse<String> started =
            p.post("/api/reprocess", "{\"profile\": \"" + profile + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        SyntheticHistory.store(
            p.bootstrapServers(), STORED, STORED + LIVE); // live articles during the run
        assertThat(hold.awaitHeld(Duration.ofSeconds(120)))
            .as("the run's sink reached its hold")
            .isTrue();
        JsonNode midway = p.get("/api/reprocess");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (midway.path("done").asLong() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(20);
          midway = p.get("/api/reprocess");
        }
        p.reprocessing().halt(); // a crash mid-way
        System.out.println("RESULT opensearch-reprocess-it halted held-after=" + hold.written());
        assertThat(midway.path("phase").asText()).isEqualTo("catching-up");
        assertThat(aliasTargets(os))
            .as("not switched before it caught up")
            .containsExactly(CURRENT);
      }

      try (PipelineHandle p = start(config, data)) {
        JsonNode done =
            p.await(
                "/api/reprocess",
                j -> j.path("phase").asText().equals("done"),
                Duration.ofSeconds(300));
        assertThat(done.path("indexVersion").asInt()).isEqualTo(1);
        assertThat(aliasTargets(os)).as("the alias moved").containsExactly(CURRENT + "-r1");
        assertThat(get(os.url() + "/" + CURRENT + "/_count").path("count").asLong())
            .as("the old index is kept")
            .isGreaterThanOrEqualTo(relevantBefore);

        List<String> ids = p.listAll().stream().map(a -> a.path("id").asText()).toList();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < STORED + LIVE; i++) {
          expected.add(SyntheticHistory.article(i).getId());
        }
        assertThat(ids).as("every article listed once").doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).isEqualTo(expected);
        for (JsonNode st : p.get("/api/articles/" + CORRECTED).path("stance")) {
          if (st.path("target").asText().equals("maduro-government")) {
            assertThat(st.path("label").asText()).as("the correction wins").isEqualTo("favor");
            assertThat(st.path("corrected").asBoolean()).isTrue();
          }
        }
        for (int i = 0; i < STORED + LIVE; i++) {
          if (SyntheticHistory.isCopy(i)) {
            String copyId = SyntheticHistory.article(i).getId();
            String originalId = SyntheticHistory.article(SyntheticHistory.originalOf(i)).getId();
            JsonNode copy = p.get("/api/articles/" + copyId);
            JsonNode original = p.get("/api/articles/" + originalId);
            assertThat(
                    originalId.equals(copy.path("duplicateOf").asText())
                        || copyId.equals(original.path("duplicateOf").asText()))
                .as("copy %d linked to its original", i)
                .isTrue();
            assertThat(copy.path("storyId").asText()).isEqualTo(original.path("storyId").asText());
          }
        }
      }
      // A later start (its mapping check) keeps the reprocessed index: same mapping version.
      try (OpenSearchArticleIndex again =
          new OpenSearchArticleIndex(OpenSearchSettings.of(os.url(), ALIAS))) {
        assertThat(aliasTargets(os)).containsExactly(CURRENT + "-r1");
        assertThat(again.count()).isEqualTo(STORED + LIVE);
      }
    }
  }

  private static PipelineHandle start(Path config, Path data) {
    return PipelineHandle.start(
        Config.builder().file(config).set("data-dir", data.toString()).build(), false);
  }

  private List<String> aliasTargets(OpenSearchNode os) throws Exception {
    List<String> out = new ArrayList<>();
    get(os.url() + "/_alias/" + ALIAS).fieldNames().forEachRemaining(out::add);
    return out;
  }

  private JsonNode get(String url) throws Exception {
    return Json.MAPPER.readTree(
        http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }
}
