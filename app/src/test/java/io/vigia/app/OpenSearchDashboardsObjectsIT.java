package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.http.Json;
import io.vigia.common.testing.OpenSearchNode;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.search.ArticleDocument;
import io.vigia.sink.opensearch.OpenSearchArticleIndex;
import io.vigia.sink.opensearch.OpenSearchSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each visualisation of the OpenSearch Dashboards saved objects, its aggregations translated to the
 * query DSL as Dashboards sends them (bucket aggregations nested in order, metrics inside, the
 * saved query), run on a real OpenSearch over an index the sink wrote: every one answers without
 * error and with buckets, so the file charts what the index holds.
 */
class OpenSearchDashboardsObjectsIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldChartTheIndexTheSinkWrites() throws Exception {
    try (OpenSearchNode server = OpenSearchNode.start();
        OpenSearchArticleIndex index =
            new OpenSearchArticleIndex(
                OpenSearchSettings.of(
                    server.url(),
                    "vigia-articles-dash" + UUID.randomUUID().toString().substring(0, 6)))) {
      index.write(articles());
      index.refresh();
      int charted = 0;
      for (JsonNode o : OpenSearchDashboardsObjectsTest.objects()) {
        if (!o.path("type").asText().equals("visualization")) {
          continue;
        }
        JsonNode vis = Json.MAPPER.readTree(o.path("attributes").path("visState").asText());
        String query =
            Json.MAPPER
                .readTree(
                    o.path("attributes")
                        .path("kibanaSavedObjectMeta")
                        .path("searchSourceJSON")
                        .asText())
                .path("query")
                .path("query")
                .asText();
        ObjectNode body = request(vis, query);
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(server.url() + "/" + index.concreteIndex() + "/_search"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode())
            .as(o.path("id").asText() + ": " + body + " -> " + r.body())
            .isEqualTo(200);
        JsonNode buckets =
            Json.MAPPER.readTree(r.body()).path("aggregations").path("2").path("buckets");
        assertThat(buckets).as(o.path("id").asText() + " has buckets: " + r.body()).isNotEmpty();
        charted++;
      }
      assertThat(charted).isGreaterThanOrEqualTo(4);
    }
  }

  /**
   * The search Dashboards makes of a visualisation: bucket aggregations nested by id order, metrics
   * in the innermost.
   */
  private static ObjectNode request(JsonNode vis, String kuery) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("size", 0);
    ObjectNode bool = body.putObject("query").putObject("bool");
    if (kuery.equals("not dedup:duplicate")) {
      bool.putArray("must_not").addObject().putObject("term").put("dedup", "duplicate");
    } else {
      assertThat(kuery).as("a saved query this test can translate").isEmpty();
    }
    List<JsonNode> buckets = new ArrayList<>();
    List<JsonNode> metrics = new ArrayList<>();
    for (JsonNode agg : vis.path("aggs")) {
      (agg.path("schema").asText().equals("metric") ? metrics : buckets).add(agg);
    }
    ObjectNode level = body;
    for (JsonNode b : buckets) {
      ObjectNode agg = level.putObject("aggs").putObject(b.path("id").asText());
      JsonNode p = b.path("params");
      switch (b.path("type").asText()) {
        case "date_histogram" ->
            agg.putObject("date_histogram")
                .put("field", p.path("field").asText())
                .put("calendar_interval", "1d")
                .put("min_doc_count", 1);
        case "terms" -> {
          ObjectNode t =
              agg.putObject("terms")
                  .put("field", p.path("field").asText())
                  .put("size", p.path("size").asInt(10));
          String orderBy = p.path("orderBy").asText();
          boolean byMetric =
              metrics.stream()
                  .anyMatch(
                      m ->
                          m.path("id").asText().equals(orderBy)
                              && !m.path("type").asText().equals("count"));
          t.putObject("order").put(byMetric ? orderBy : "_count", p.path("order").asText("desc"));
        }
        default -> throw new AssertionError("bucket aggregation this test cannot translate: " + b);
      }
      level = agg;
    }
    for (JsonNode m : metrics) {
      if (!m.path("type").asText().equals("count")) {
        level
            .with("aggs")
            .putObject(m.path("id").asText())
            .putObject(m.path("type").asText())
            .put("field", m.path("params").path("field").asText());
      }
    }
    return body;
  }

  private static List<ArticleDocument> articles() {
    Entity cne =
        Entity.newBuilder()
            .setId("vigia:org/cne")
            .setName("Consejo Nacional Electoral")
            .setType("ORG")
            .setMentions(1)
            .setFirstOffset(0)
            .setLinked(true)
            .build();
    List<ArticleDocument> out = new ArrayList<>();
    String[][] rows = {
      {"es", "Caribe Diario", "2024-07-28T10:00:00Z", "s1"},
      {"es", "Monitor Andino", "2024-07-29T10:00:00Z", "s1"},
      {"en", "Orinoco Times", "2024-07-29T12:00:00Z", "s1"},
      {"es", "Caribe Diario", "2024-07-30T10:00:00Z", "s2"}
    };
    for (int i = 0; i < rows.length; i++) {
      EnrichedArticle e =
          SampleArticles.enriched(
              SampleArticles.raw("https://example.org/" + i, "El CNE " + i, "Texto sobre el CNE.")
                  .setLanguage(rows[i][0])
                  .setSource(rows[i][1])
                  .setPublishedAt(Instant.parse(rows[i][2]))
                  .build());
      e.setEntities(List.of(cne));
      e.setStance(
          List.of(
              Stance.newBuilder()
                  .setTarget("maduro-government")
                  .setLabel(i % 2 == 0 ? StanceLabel.AGAINST : StanceLabel.FAVOR)
                  .setScore(0.5)
                  .build()));
      e.getDedup().setStoryId(rows[i][3]);
      out.add(ArticleDocument.from(e, Instant.now()));
    }
    return out;
  }
}
