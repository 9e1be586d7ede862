package io.vigia.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RobotsTxtTest {
  private static final String ROBOTS =
      """
      # a news site
      User-agent: *
      Disallow: /private/
      Crawl-delay: 5

      User-agent: Vigia
      User-agent: OtherBot
      Disallow: /internal/
      Disallow: /*.pdf$
      Allow: /internal/press/
      Crawl-delay: 2
      """;

  @Test
  void shouldFollowOurGroupWithTheLongestMatchWinning() {
    RobotsTxt r = RobotsTxt.parse(ROBOTS, "vigia");
    assertThat(r.allows("/internal/notes.html")).isFalse();
    assertThat(r.allows("/internal/press/cne.html")).as("longer Allow wins").isTrue();
    assertThat(r.allows("/private/x")).as("our group replaces the * group").isTrue();
    assertThat(r.allows("/docs/report.pdf")).isFalse();
    assertThat(r.allows("/docs/report.pdf?download=1")).as("$ anchors the end").isTrue();
    assertThat(r.crawlDelay()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void shouldFallBackToTheStarGroupAndAllowWhatNoRuleNames() {
    RobotsTxt r = RobotsTxt.parse(ROBOTS, "someone-else");
    assertThat(r.allows("/private/x")).isFalse();
    assertThat(r.allows("/2024/07/29/cne.html")).isTrue();
    assertThat(r.crawlDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(RobotsTxt.parse("", "vigia").allows("/anything")).isTrue();
    assertThat(RobotsTxt.parse("User-agent: *\nDisallow:\n", "vigia").allows("/anything"))
        .as("empty Disallow allows all")
        .isTrue();
  }

  @Test
  void shouldFetchRobotsOncePerSiteAndTreatMissingAndBrokenFilesAsTheRfcSays() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    AtomicReference<Integer> status = new AtomicReference<>(200);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/robots.txt",
        ex -> {
          requests.incrementAndGet();
          byte[] body = ROBOTS.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(status.get(), status.get() == 200 ? body.length : -1);
          if (status.get() == 200) {
            ex.getResponseBody().write(body);
          }
          ex.close();
        });
    server.start();
    try {
      String site = "http://127.0.0.1:" + server.getAddress().getPort();
      PageFetcher fetcher =
          PageFetcher.builder("Vigia/test", 1 << 20, Duration.ofSeconds(2), Duration.ofSeconds(2))
              .allowPrivate(true)
              .build();

      RobotsPolicy policy = new RobotsPolicy(fetcher, "vigia", Clock.systemUTC());
      assertThat(policy.check(site + "/internal/a.html").allowed()).isFalse();
      assertThat(policy.check(site + "/internal/a.html").reason()).contains("robots.txt");
      assertThat(policy.check(site + "/news/a.html").allowed()).isTrue();
      assertThat(policy.check(site + "/news/a.html").crawlDelay()).isEqualTo(Duration.ofSeconds(2));
      assertThat(requests.get()).as("fetched once, then cached").isEqualTo(1);

      status.set(404);
      assertThat(
              new RobotsPolicy(fetcher, "vigia", Clock.systemUTC())
                  .check(site + "/internal/a.html")
                  .allowed())
          .as("no robots.txt: everything allowed")
          .isTrue();

      status.set(503);
      RobotsPolicy.Verdict down =
          new RobotsPolicy(fetcher, "vigia", Clock.systemUTC()).check(site + "/news/a.html");
      assertThat(down.allowed()).as("server error: skip the site for now").isFalse();
      assertThat(down.temporary()).isTrue();
    } finally {
      server.stop(0);
    }
  }
}
