package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.http.Json;
import io.vigia.sink.index.ArticleDocument;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenSearch Dashboards saved objects cannot be imported here (no Dashboards server), so this
 * checks what can be: every line is an object, every reference resolves inside the file, and
 * every field a visualisation aggregates on is a field of the indexed document.
 */
class OpenSearchDashboardsObjectsTest {
  private static final Path FILE = Path.of("..", "deploy", "opensearch-dashboards", "vigia-saved-objects.ndjson");

  @Test
  void shouldHoldAnIndexPatternVisualisationsAndADashboardThatReferToEachOther() throws Exception {
    List<JsonNode> objects = new ArrayList<>();
    for (String line : Files.readAllLines(FILE)) {
      objects.add(Json.MAPPER.readTree(line));
    }
    Set<String> ids = new HashSet<>();
    objects.forEach(o -> ids.add(o.path("type").asText() + ":" + o.path("id").asText()));
    assertThat(ids).contains("index-pattern:vigia-articles", "dashboard:vigia-overview");
    assertThat(objects.stream().filter(o -> o.path("type").asText().equals("visualization")).count()).isGreaterThanOrEqualTo(4);
    for (JsonNode o : objects) {
      for (JsonNode ref : o.path("references")) {
        assertThat(ids).as(o.path("id").asText() + " refers to " + ref).contains(ref.path("type").asText() + ":" + ref.path("id").asText());
      }
    }
  }

  @Test
  void shouldAggregateOnlyOnFieldsOfTheIndexedDocument() throws Exception {
    Set<String> fields = new HashSet<>(Arrays.stream(ArticleDocument.class.getRecordComponents()).map(RecordComponent::getName).toList());
    for (String line : Files.readAllLines(FILE)) {
      JsonNode o = Json.MAPPER.readTree(line);
      if (!o.path("type").asText().equals("visualization")) {
        continue;
      }
      JsonNode vis = Json.MAPPER.readTree(o.path("attributes").path("visState").asText());
      for (JsonNode agg : vis.path("aggs")) {
        String field = agg.path("params").path("field").asText("");
        if (!field.isEmpty()) {
          assertThat(fields).as(o.path("id").asText() + " aggregates on " + field).contains(field.split("\\.")[0]);
        }
      }
    }
  }
}
