package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.http.Json;
import io.vigia.sink.opensearch.OpenSearchArticleIndex;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenSearch Dashboards saved objects cannot be imported here (no Dashboards server), so this
 * checks what can be: every line is an object, every reference resolves inside the file, and every
 * field a visualisation aggregates on, the index pattern's time field and the saved search's
 * columns and sort are fields of the index template's mapping, of a type that can be aggregated
 * (keyword, date, number; not text). {@code OpenSearchDashboardsObjectsIT} runs each
 * visualisation's aggregation on a real OpenSearch.
 */
class OpenSearchDashboardsObjectsTest {
  static final Path FILE =
      Path.of("..", "deploy", "opensearch-dashboards", "vigia-saved-objects.ndjson");
  private static final Set<String> AGGREGATABLE =
      Set.of("keyword", "date", "integer", "long", "double", "boolean");

  static List<JsonNode> objects() throws Exception {
    List<JsonNode> objects = new ArrayList<>();
    for (String line : Files.readAllLines(FILE)) {
      objects.add(Json.MAPPER.readTree(line));
    }
    return objects;
  }

  /**
   * The mapped fields of the template the sink puts ({@code
   * sink/.../opensearch/index-template.json}).
   */
  static JsonNode mapping() throws Exception {
    try (InputStream in = OpenSearchArticleIndex.class.getResourceAsStream("index-template.json")) {
      return Json.MAPPER.readTree(in).path("template").path("mappings").path("properties");
    }
  }

  @Test
  void shouldHoldAnIndexPatternVisualisationsAndADashboardThatReferToEachOther() throws Exception {
    List<JsonNode> objects = objects();
    Set<String> ids = new HashSet<>();
    objects.forEach(o -> ids.add(o.path("type").asText() + ":" + o.path("id").asText()));
    assertThat(ids).contains("index-pattern:vigia-articles", "dashboard:vigia-overview");
    assertThat(
            objects.stream().filter(o -> o.path("type").asText().equals("visualization")).count())
        .isGreaterThanOrEqualTo(4);
    for (JsonNode o : objects) {
      for (JsonNode ref : o.path("references")) {
        assertThat(ids)
            .as(o.path("id").asText() + " refers to " + ref)
            .contains(ref.path("type").asText() + ":" + ref.path("id").asText());
      }
    }
  }

  @Test
  void shouldUseOnlyFieldsTheIndexMapsAsAggregatable() throws Exception {
    JsonNode mapping = mapping();
    List<String> used = new ArrayList<>();
    for (JsonNode o : objects()) {
      switch (o.path("type").asText()) {
        case "index-pattern" -> {
          String time = o.path("attributes").path("timeFieldName").asText();
          assertThat(mapping.path(time).path("type").asText())
              .as("time field " + time)
              .isEqualTo("date");
        }
        case "visualization" -> {
          JsonNode vis = Json.MAPPER.readTree(o.path("attributes").path("visState").asText());
          for (JsonNode agg : vis.path("aggs")) {
            String field = agg.path("params").path("field").asText("");
            if (!field.isEmpty()) {
              used.add(field);
              assertThat(AGGREGATABLE)
                  .as(
                      o.path("id").asText()
                          + " aggregates on "
                          + field
                          + ", mapped as "
                          + mapping.path(field))
                  .contains(mapping.path(field).path("type").asText());
            }
          }
        }
        case "search" -> {
          for (JsonNode c : o.path("attributes").path("columns")) {
            assertThat(mapping.has(c.asText())).as("column " + c).isTrue();
          }
          for (JsonNode s : o.path("attributes").path("sort")) {
            assertThat(AGGREGATABLE)
                .as("sort " + s)
                .contains(mapping.path(s.path(0).asText()).path("type").asText());
          }
        }
        default -> {}
      }
    }
    assertThat(used).contains("time", "stance", "entity_key", "source", "language", "story");
  }
}
