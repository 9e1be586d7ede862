package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.config.Config;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard of a real one-process run ({@code Pipeline} on the demo site, nothing stubbed) in
 * headless Chromium: it shows the run's articles, its charts come from the run's {@code /api/stats}
 * (not the page's fallback), a search narrows the list to what the API returns, and the alerts and
 * source-health panels show the run's {@code /api/alerts} and {@code /api/sources}. Skips without
 * chromium and chromium-driver. With {@code -Dvigia.dashboard.screenshot=PATH} it saves the
 * README's screenshot.
 */
class DashboardPipelineIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path data;

  @Test
  void shouldShowTheRunsArticlesChartsAlertsAndSources() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
    Config config =
        Config.builder()
            .yaml(
                """
        http:
          port: 0
        """)
            .set("data-dir", data.toString())
            .build();
    try (PipelineHandle p = PipelineHandle.start(config, true)) {
      HttpResponse<String> sub =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(p.httpUrl() + "/api/subscriptions"))
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"name\": \"CNE\", \"query\": {\"q\": \"CNE\"}}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(sub.statusCode()).as(sub.body()).isEqualTo(201);
      long total = p.awaitStableTotal(Duration.ofSeconds(180));
      JsonNode stats = p.get("/api/stats");
      long charted = 0;
      for (JsonNode d : stats.path("perDay")) {
        charted += d.path("total").asLong();
      }
      JsonNode sources = p.get("/api/sources").path("sources");
      JsonNode alerts = p.get("/api/alerts?size=10").path("alerts");
      assertThat(sources).as("the demo's feeds").isNotEmpty();

      WebDriver browser = browser();
      try {
        browser.get(p.httpUrl() + "/");
        awaitReload(browser, null);
        assertThat(articles(browser)).hasSize((int) Math.min(100, total));
        for (String chart : List.of("timeline", "entities", "sources")) {
          assertThat(browser.findElement(By.id(chart)).getAttribute("data-source"))
              .as(chart + " from /api/stats")
              .isEqualTo("stats");
        }
        assertThat(
                Long.parseLong(browser.findElement(By.id("timeline")).getAttribute("data-total")))
            .isEqualTo(charted);
        assertThat(browser.findElements(By.cssSelector("#timeline rect.bar"))).isNotEmpty();
        assertThat(browser.findElement(By.id("entities")).getText())
            .contains(stats.path("topEntities").path(0).path("name").asText());
        assertThat(browser.findElement(By.id("sources")).getText())
            .contains(stats.path("topSources").path(0).path("name").asText());
        String health = browser.findElement(By.id("health")).getText();
        for (JsonNode s : sources) {
          assertThat(health).contains(s.path("name").asText());
        }
        String alertsPanel = browser.findElement(By.id("alerts")).getText();
        assertThat(alertsPanel).doesNotContain("not served");
        if (!alerts.isEmpty()) {
          assertThat(alertsPanel).contains("CNE");
        }

        long cne = p.get("/api/articles?q=CNE&size=0").path("total").asLong();
        assertThat(cne)
            .as("the demo mentions the CNE, not in every article")
            .isPositive()
            .isLessThan(total);
        String mark = loadedMark(browser);
        browser.findElement(By.tagName("body")).sendKeys("/");
        browser.switchTo().activeElement().sendKeys("CNE", Keys.ENTER);
        awaitReload(browser, mark);
        assertThat(articles(browser)).hasSize((int) Math.min(100, cne));

        String shot = System.getProperty("vigia.dashboard.screenshot");
        if (shot != null && !shot.isBlank()) {
          browser.findElement(By.id("q")).clear();
          mark = loadedMark(browser);
          browser.findElement(By.id("q")).sendKeys(Keys.ENTER);
          awaitReload(browser, mark);
          browser.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1700));
          Thread.sleep(500);
          File png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
          Files.copy(
              png.toPath(), Path.of(shot), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        browser.quit();
      }
    }
  }

  private static WebDriver browser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1366,1000",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static String loadedMark(WebDriver browser) {
    return browser.findElement(By.tagName("body")).getAttribute("data-loaded");
  }

  private static void awaitReload(WebDriver browser, String before) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            d -> {
              String now = loadedMark(browser);
              return now != null && !now.equals(before);
            });
  }

  private static List<WebElement> articles(WebDriver browser) {
    return browser.findElements(By.cssSelector("#articles li[data-id]"));
  }
}
