package io.vigia.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.app.testing.HostileSite;
import io.vigia.app.testing.SearchClient;
import io.vigia.app.testing.StageProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dozens of hostile feeds and pages (see {@link HostileSite}) served from loopback to a real {@code
 * vigia run} with a small heap. Each must end as a per-source error with a reason; the process must
 * stay up and healthy, within bounded time; nothing from a local file or an internal address may
 * reach the index, and the internal server must never be contacted.
 */
class HostileInputIT {
  @TempDir Path tmp;

  @Test
  void shouldTurnEveryHostileSourceIntoAClearErrorAndLetNothingIn() throws Exception {
    try (HostileSite site = new HostileSite()) {
      assertThat(site.cases())
          .as("the corpus is large enough to mean something")
          .hasSizeGreaterThanOrEqualTo(30);
      Path config =
          Files.writeString(
              tmp.resolve("vigia.yaml"),
              site.feedsYaml()
                  + """
          ingest:
            allow-private-addresses: false
            private-address-exceptions: ["%s"]
            poll-interval: 10s
            # every hostile source sits on this one fixture server: pace it like sixty hosts, not one
            host-delay: 0s
            max-in-flight-per-host: 16
            connect-timeout: 2s
            read-timeout: 4s
          """
                      .formatted(site.hostPort()));
      int port = SearchClient.freePort();
      try (StageProcess vigia =
          StageProcess.start(
              "hostile",
              tmp.resolve("logs"),
              Map.of(),
              "384m",
              "run",
              "--config",
              config.toString(),
              "--data",
              tmp.resolve("data").toString(),
              "--port",
              String.valueOf(port))) {
        SearchClient api = new SearchClient(port);
        Map<String, JsonNode> sources = awaitEverySourcePolled(api, site, vigia);
        for (HostileSite.Case c :
            site.cases()) { // every case's outcome in the log, the first thing to read when one
          // fails
          System.out.printf(
              "case %-28s %-12s %s%n",
              c.name(),
              sources.get(c.name()).path("state").asText(),
              sources.get(c.name()).path("lastError").asText(""));
        }

        assertThat(vigia.isAlive()).as("survived (log %s)", vigia.logFile()).isTrue();
        assertThat(api.get("/healthz").path("status").asText()).isEqualTo("ok");
        assertThat(sources.get("control").path("articlesProduced").asInt())
            .as("the control article still gets through")
            .isEqualTo(1);
        for (HostileSite.Case c : site.cases()) {
          if (c.name().equals("control")) {
            continue;
          }
          JsonNode s = sources.get(c.name());
          assertThat(s.path("articlesProduced").asInt())
              .as("%s (%s) produced nothing", c.name(), c.attack())
              .isZero();
          assertThat(s.path("lastError").asText(""))
              .as("%s (%s) reports why", c.name(), c.attack())
              .containsPattern(c.expected());
        }
        api.awaitTotalAtLeast(1, 60_000, vigia);
        assertThat(api.total()).as("only the control article is indexed").isEqualTo(1);
        for (String leaked : List.of(HostileSite.INTERNAL_MARKER, "root", "lol", "localhost")) {
          assertThat(api.get("/api/articles?q=" + leaked).path("total").asLong())
              .as("nothing with %s indexed", leaked)
              .isZero();
        }
        assertThat(site.internalHits()).as("the internal server was never contacted").isZero();
        System.out.printf(
            "RESULT hostile-input sources=%d hostile=%d errors=%d (each with its expected reason) indexed=1 internal-hits=0%n",
            site.cases().size(), site.cases().size() - 1, site.cases().size() - 1);
      }
    }
  }

  /**
   * Waits until every source was polled and each hostile one reports its expected reason (the
   * control: until it produced); after 240 s returns what there is, for the assertions to name what
   * is missing.
   */
  private static Map<String, JsonNode> awaitEverySourcePolled(
      SearchClient api, HostileSite site, StageProcess vigia) throws Exception {
    long deadline = System.currentTimeMillis() + 240_000;
    Map<String, JsonNode> byName = new HashMap<>();
    while (System.currentTimeMillis() < deadline) {
      try {
        byName.clear();
        for (JsonNode s : api.get("/api/sources").path("sources")) {
          byName.put(s.path("name").asText(), s);
        }
        if (byName.size() == site.cases().size()
            && site.cases().stream().allMatch(c -> settled(c, byName.get(c.name())))) {
          return Map.copyOf(byName);
        }
      } catch (java.io.IOException e) {
        // not serving yet
      }
      Thread.sleep(1000);
    }
    if (byName.size() != site.cases().size()) {
      throw new AssertionError(
          "not every source listed within 240 s: " + byName.keySet() + "\n" + vigia.logTail(60));
    }
    return Map.copyOf(byName);
  }

  private static boolean settled(HostileSite.Case c, JsonNode s) {
    if (s == null || s.path("lastPoll").isNull() || s.path("lastPoll").isMissingNode()) {
      return false;
    }
    return c.expected() == null
        ? s.path("articlesProduced").asInt() > 0
        : c.expected().matcher(s.path("lastError").asText("")).find();
  }
}
