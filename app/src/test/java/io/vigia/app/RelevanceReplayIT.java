package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.app.testing.BundledProfile;
import io.vigia.common.config.Config;
import io.vigia.common.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A relevance mistake is recoverable: an article the profile filtered out is kept with its verdict,
 * counted on its source, and after the profile is changed {@code vigia replay-irrelevant} sends it
 * back through the running pipeline, which now indexes it.
 */
class RelevanceReplayIT {
  private static final String FEED = "/feeds/mixta.xml";

  @TempDir Path tmp;

  @Test
  void shouldCountFilteredArticlesPerSourceAndIndexThemAfterTheProfileChangesAndTheyAreReplayed()
      throws Exception {
    Path profile = BundledProfile.copyTo(tmp.resolve("profile"));
    Path data = tmp.resolve("data");
    try (DemoSite site = DemoSite.start("/relevance-site")) {
      Path config =
          Files.writeString(
              tmp.resolve("vigia.yaml"),
              """
          profile: %s
          feeds:
            - url: %s%s
              name: Fixture Mixta
          ingest:
            allow-private-addresses: true
            poll-interval: 1s
            max-poll-interval: 1s
            host-delay: 0s
          http:
            port: 0
          """
                  .formatted(profile, site.baseUrl(), FEED));

      try (PipelineHandle p =
          PipelineHandle.start(
              Config.builder().file(config).set("data-dir", data.toString()).build(), false)) {
        JsonNode source =
            p.await(
                    "/api/sources",
                    j ->
                        j.path("sources").path(0).path("irrelevant").asLong() >= 1
                            && j.path("sources").path(0).path("relevant").asLong() >= 1,
                    Duration.ofSeconds(90))
                .path("sources")
                .path(0);
        assertThat(source.path("relevant").asLong()).as("the election article").isEqualTo(1);
        assertThat(source.path("irrelevant").asLong())
            .as("the census article, kept but not indexed")
            .isEqualTo(1);
        assertThat(p.get("/api/articles?q=censo").path("total").asLong()).isZero();

        JsonNode dry =
            replay("--data", data.toString(), "--config", config.toString(), "--dry-run");
        assertThat(dry.path("read").asLong()).isEqualTo(1);
        assertThat(dry.path("wouldReplay").asLong())
            .as("the same profile finds nothing new")
            .isZero();
      }

      // The analyst decides the census is in scope: one line in the profile's relevance rules.
      Path rules = profile.resolve("relevance.yaml");
      String before = Files.readString(rules);
      String after =
          before.replaceFirst(
              "(?m)^  politics:\\n    terms:\\n", "  politics:\n    terms:\n      censo*: 3\n");
      assertThat(after).isNotEqualTo(before);
      Files.writeString(rules, after);

      try (PipelineHandle p =
          PipelineHandle.start(
              Config.builder().file(config).set("data-dir", data.toString()).build(), false)) {
        JsonNode summary = replay("--data", data.toString(), "--config", config.toString());
        assertThat(summary.path("replayed").asLong()).isEqualTo(1);
        JsonNode found =
            p.await(
                "/api/articles?q=censo",
                j -> j.path("total").asLong() >= 1,
                Duration.ofSeconds(90));
        assertThat(found.path("articles").path(0).path("title").asText()).contains("censo");
        assertThat(p.get("/api/articles?size=10").path("total").asLong())
            .as("nothing else came or doubled")
            .isEqualTo(2);
        assertThat(site.requests("/pages/censo.html"))
            .as("replayed from Kafka, not fetched again")
            .isEqualTo(1);
      }
    }
  }

  private JsonNode replay(String... args) throws Exception {
    ReplayIrrelevantCommand command = new ReplayIrrelevantCommand();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int code = new CommandLine(command).execute(args);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isZero();
    List<String> lines = out.lines().toList();
    return Json.MAPPER.readTree(lines.get(lines.size() - 1));
  }
}
