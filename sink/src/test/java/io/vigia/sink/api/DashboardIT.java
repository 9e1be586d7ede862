package io.vigia.sink.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.http.ApiKeys;
import io.vigia.common.http.HttpApi;
import io.vigia.common.http.Response;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.search.ArticleDocument;
import io.vigia.sink.corrections.CorrectedIndex;
import io.vigia.sink.corrections.CorrectionLog;
import io.vigia.sink.corrections.CorrectionSet;
import io.vigia.sink.lucene.LuceneArticleIndex;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless browser (Debian's chromium and chromium-driver): it loads a
 * run's articles and charts, a search narrows the list, a filter changes the chart, and it is
 * usable from the keyboard. Skips when chromium is not installed. An IT because it starts a
 * browser. With {@code -Dvigia.dashboard.screenshot=docs/dashboard.png} it saves a screenshot.
 */
class DashboardIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path dir;
  private LuceneArticleIndex index;
  private HttpApi http;
  private WebDriver browser;

  @BeforeEach
  void start() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
    index = new LuceneArticleIndex(dir.resolve("index"));
    index.write(fixtureArticles());
    http = new HttpApi();
    new SearchApi(index).register(http);
    new DashboardPage().register(http);
    // What the alerts and ingest stages serve in `vigia run`, so their panels show something.
    http.route(
        "GET",
        "/api/alerts",
        r ->
            Response.json(
                Map.of(
                    "alerts",
                    List.of(
                        Map.of(
                            "subscriptionId",
                            "cne-es",
                            "subscriptionName",
                            "CNE en español",
                            "matchedAt",
                            "2024-07-29T13:00:00Z",
                            "article",
                            Map.of("title", "El CNE proclama resultados sin publicar actas"))))));
    http.route(
        "GET",
        "/api/sources",
        r ->
            Response.json(
                Map.of(
                    "sources",
                    List.of(
                        Map.of(
                            "name",
                            "Caribe Diario",
                            "url",
                            "https://caribe.example/feed",
                            "state",
                            "ok",
                            "lastPoll",
                            "2024-07-30T10:00:00Z",
                            "articlesProduced",
                            4),
                        Map.of(
                            "name",
                            "Orinoco Times",
                            "url",
                            "https://orinoco.example/feed",
                            "state",
                            "failing",
                            "lastPoll",
                            "2024-07-30T10:00:00Z",
                            "articlesProduced",
                            3,
                            "lastError",
                            "HTTP 503")))));
    http.start("127.0.0.1", 0);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1366,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (http != null) {
      http.close();
    }
    if (index != null) {
      index.close();
    }
  }

  private static List<ArticleDocument> fixtureArticles() {
    String[][] rows = {
      // url, title, text, language, source, day, stance label, entity
      {
        "a1",
        "El CNE anuncia el cronograma electoral",
        "El Consejo Nacional Electoral fijó la fecha.",
        "es",
        "Caribe Diario",
        "2024-07-26",
        "neutral",
        "Q1"
      },
      {
        "a2",
        "Observadores llegan a Caracas",
        "Misiones de observación se despliegan.",
        "es",
        "Caribe Diario",
        "2024-07-27",
        "neutral",
        "Q2"
      },
      {
        "a3",
        "Opposition rally fills Caracas avenue",
        "Thousands marched with María Corina Machado.",
        "en",
        "Orinoco Times",
        "2024-07-27",
        "against",
        "Q3"
      },
      {
        "a4",
        "El CNE proclama resultados sin publicar actas",
        "La oposición exige las actas del CNE.",
        "es",
        "Monitor Andino",
        "2024-07-29",
        "against",
        "Q1"
      },
      {
        "a5",
        "Government celebrates official results",
        "Officials praised the electoral body.",
        "en",
        "Orinoco Times",
        "2024-07-29",
        "favor",
        "Q1"
      },
      {
        "a6",
        "Actas de la oposición muestran otro resultado",
        "Las actas recogidas contradicen al CNE.",
        "es",
        "Caribe Diario",
        "2024-07-30",
        "against",
        "Q3"
      },
      {
        "a7",
        "US weighs sanctions after disputed vote",
        "Washington reviews the oil license.",
        "en",
        "Orinoco Times",
        "2024-07-30",
        "against",
        "Q4"
      },
      {
        "a8",
        "El TSJ ordena peritaje de las actas",
        "El tribunal pidió al CNE el material.",
        "es",
        "Monitor Andino",
        "2024-07-31",
        "favor",
        "Q1"
      },
    };
    Map<String, String> names =
        Map.of(
            "Q1",
            "Consejo Nacional Electoral",
            "Q2",
            "Observadores internacionales",
            "Q3",
            "María Corina Machado",
            "Q4",
            "Estados Unidos");
    List<ArticleDocument> docs = new ArrayList<>();
    for (String[] r : rows) {
      RawArticle a =
          SampleArticles.raw("https://news.example/" + r[0], r[1], r[2])
              .setLanguage(r[3])
              .setSource(r[4])
              .setPublishedAt(Instant.parse(r[5] + "T12:00:00Z"))
              .build();
      EnrichedArticle e = SampleArticles.enriched(a);
      e.setEntities(
          List.of(
              Entity.newBuilder()
                  .setId(r[7])
                  .setName(names.get(r[7]))
                  .setType("ORG")
                  .setMentions(2)
                  .setFirstOffset(0)
                  .setLinked(true)
                  .build()));
      e.setStance(
          List.of(
              Stance.newBuilder()
                  .setTarget("maduro-government")
                  .setLabel(StanceLabel.valueOf(r[6].toUpperCase()))
                  .setScore(0.5)
                  .build()));
      if (r[1].toLowerCase().contains("actas") || r[1].contains("results")) {
        e.getDedup().setStoryId("story-results");
        e.getDedup().setStorySources(3);
      }
      docs.add(ArticleDocument.from(e, Instant.now()));
    }
    return docs;
  }

  private String loadedMark() {
    return browser.findElement(By.tagName("body")).getAttribute("data-loaded");
  }

  private void awaitReload(String before) {
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(
            d -> {
              String now = loadedMark();
              return now != null && !now.equals(before);
            });
  }

  private int timelineTotal() {
    return Integer.parseInt(browser.findElement(By.id("timeline")).getAttribute("data-total"));
  }

  private List<WebElement> articles() {
    return browser.findElements(By.cssSelector("#articles li[data-id]"));
  }

  @Test
  void shouldShowTheArticlesNarrowThemBySearchAndRedrawTheChartForAFilter() throws Exception {
    browser.get("http://127.0.0.1:" + http.port() + "/");
    awaitReload(null);
    assertThat(articles()).hasSize(8);
    assertThat(timelineTotal()).isEqualTo(8);
    // The charts come from /api/stats, not from the page's fallback over the article list, so a
    // broken /api/stats fails here.
    for (String chart : List.of("timeline", "entities", "sources")) {
      assertThat(browser.findElement(By.id(chart)).getAttribute("data-source"))
          .as(chart)
          .isEqualTo("stats");
    }
    assertThat(browser.findElements(By.cssSelector("#timeline rect.bar"))).isNotEmpty();
    assertThat(browser.findElement(By.id("entities")).getText())
        .contains("Consejo Nacional Electoral");
    assertThat(browser.findElement(By.id("sources")).getText()).contains("Orinoco Times");
    assertThat(browser.findElement(By.id("stories")).getText()).contains("3 sources");
    assertThat(browser.findElement(By.id("alerts")).getText()).contains("CNE en español");
    assertThat(browser.findElement(By.id("health")).getText()).contains("HTTP 503");

    // Keyboard: "/" jumps to the search box; Enter searches.
    String mark = loadedMark();
    browser.findElement(By.tagName("body")).sendKeys("/");
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("q");
    browser.switchTo().activeElement().sendKeys("actas", Keys.ENTER);
    awaitReload(mark);
    assertThat(articles())
        .extracting(WebElement::getText)
        .hasSize(3)
        .allMatch(t -> t.toLowerCase().contains("actas"));

    // A filter changes the chart.
    browser.findElement(By.id("q")).clear();
    mark = loadedMark();
    new Select(browser.findElement(By.id("f-language"))).selectByValue("en");
    awaitReload(mark);
    assertThat(timelineTotal()).isEqualTo(3);
    assertThat(articles()).hasSize(3);
    assertThat(browser.findElement(By.id("timeline")).getAttribute("data-source"))
        .isEqualTo("stats");

    mark = loadedMark();
    new Select(browser.findElement(By.id("f-language"))).selectByValue("");
    awaitReload(mark);
    assertThat(timelineTotal()).isEqualTo(8);
    String shot = System.getProperty("vigia.dashboard.screenshot");
    if (shot != null && !shot.isBlank()) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1700));
      File png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(png.toPath(), Path.of(shot), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * From an article's view, one correction of each kind, through the page: each shows without a
   * reload (the list, its filter and the view answer with the corrected value), on a real broker.
   */
  @Test
  void shouldCorrectAnArticleFromItsViewAndShowItWithoutReload() throws Exception {
    try (EmbeddedKafka broker = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), 1, (short) 1);
      try (Admin admin = Admin.create(kafka.clientProperties())) {
        TopicCreator.ensure(admin, List.of(Topics.CORRECTIONS), 1, (short) 1);
      }
      CorrectedIndex corrected = new CorrectedIndex(index, new CorrectionSet());
      try (CorrectionLog log = new CorrectionLog(kafka, corrected).start()) {
        log.awaitCaughtUp(Duration.ofSeconds(60));
        new CorrectionsApi(corrected, log, ApiKeys.none(), Set.of("maduro-government"))
            .register(http);
        String a5 = SampleArticles.id("https://news.example/a5");
        browser.get("http://127.0.0.1:" + http.port() + "/");
        awaitReload(null);
        browser.findElement(By.cssSelector("button.open-article[data-id='" + a5 + "']")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> a5.equals(d.findElement(By.id("article-body")).getAttribute("data-id")));
        assertThat(browser.findElement(By.id("article-view")).isDisplayed()).isTrue();

        // Stance: favor by the machine, against by the analyst.
        String mark = loadedMark();
        new Select(browser.findElement(By.id("stance-maduro-government"))).selectByValue("against");
        awaitReload(mark);
        wait.until(
            d ->
                d.findElement(By.id("article-body"))
                    .getText()
                    .contains("corrected (machine: favor)"));
        assertThat(articleItem(a5).getText()).contains("maduro-government against ✎");
        mark = loadedMark();
        new Select(browser.findElement(By.id("f-stance")))
            .selectByValue("maduro-government:against");
        awaitReload(mark);
        assertThat(articles()).extracting(e -> e.getAttribute("data-id")).contains(a5);

        // Off topic: gone from the list; undone: back.
        int listed = articles().size();
        mark = loadedMark();
        browser.findElement(By.cssSelector("#article-body button.off-topic")).click();
        awaitReload(mark);
        assertThat(articles())
            .extracting(e -> e.getAttribute("data-id"))
            .doesNotContain(a5)
            .hasSize(listed - 1);
        mark = loadedMark();
        browser.findElement(By.cssSelector("#article-body button.undo-relevant")).click();
        awaitReload(mark);
        assertThat(articles()).extracting(e -> e.getAttribute("data-id")).contains(a5);

        // An entity removed, the story detached.
        mark = loadedMark();
        browser
            .findElement(By.cssSelector("#article-body li[data-entity='Q1'] button.remove-entity"))
            .click();
        awaitReload(mark);
        wait.until(
            d ->
                !d.findElements(By.cssSelector("#article-body li.removed-entity[data-entity='Q1']"))
                    .isEmpty());
        mark = loadedMark();
        browser.findElement(By.cssSelector("#article-body button.detach-story")).click();
        awaitReload(mark);
        wait.until(
            d ->
                d.findElement(By.cssSelector("#article-body .story-id"))
                    .getText()
                    .startsWith("detached:"));

        ArticleDocument stored = index.get(a5).orElseThrow();
        assertThat(stored.stance().get(0).label()).isEqualTo("against");
        assertThat(stored.entities())
            .extracting(ArticleDocument.EntityRef::id)
            .doesNotContain("Q1");
        assertThat(stored.overlay().machine().stance().get(0).label()).isEqualTo("favor");
        assertThat(log.of(a5)).extracting(c -> c.getBy()).containsOnly("anonymous");
      }
    }
  }

  private WebElement articleItem(String id) {
    return browser.findElement(By.cssSelector("#articles li[data-id='" + id + "']"));
  }
}
