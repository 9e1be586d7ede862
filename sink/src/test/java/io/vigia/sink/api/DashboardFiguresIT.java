package io.vigia.sink.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.http.HttpApi;
import io.vigia.sink.figures.FigureFixtures;
import io.vigia.sink.lucene.LuceneArticleIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A story's figures in the dashboard, in a real headless browser (Debian's chromium and
 * chromium-driver, as {@link DashboardIT}): a story of the Stories panel opens as a table of its
 * figures with the values its sources disagree on marked. Skips when chromium is not installed.
 */
class DashboardFiguresIT {
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
    index.write(FigureFixtures.ALL);
    http = new HttpApi();
    new SearchApi(index).register(http);
    new FigureApi(index).register(http);
    new DashboardPage().register(http);
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

  private List<WebElement> openStory(String story) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    By link = By.cssSelector("#stories button.story-link[data-story='" + story + "']");
    wait.until(d -> !d.findElements(link).isEmpty());
    browser.findElement(link).click();
    wait.until(d -> story.equals(d.findElement(By.id("story-view")).getAttribute("data-story")));
    assertThat(browser.findElement(By.id("story-figures")).isDisplayed()).isTrue();
    return browser.findElements(By.cssSelector("#story-figures tbody tr"));
  }

  private static String cell(WebElement row, int i) {
    return row.findElements(By.tagName("td")).get(i).getText();
  }

  @Test
  void shouldShowAStorysFiguresAsATableWithItsConflictMarked() {
    browser.get("http://127.0.0.1:" + http.port() + "/");

    List<WebElement> rows = openStory(FigureFixtures.TURNOUT_STORY);

    assertThat(rows).hasSize(4);
    assertThat(rows)
        .extracting(r -> cell(r, 0))
        .containsExactly("governorships-won", "states-won-by-votes", "turnout", "turnout");
    assertThat(cell(rows.get(0), 3)).isEqualTo("18 of 23");
    assertThat(cell(rows.get(1), 3)).isEqualTo("20 of 23");
    assertThat(rows)
        .extracting(r -> cell(r, 2))
        .as("each figure's election")
        .containsOnly("2024 presidential election");
    WebElement opposition = rows.get(2);
    WebElement official = rows.get(3);
    assertThat(cell(official, 1)).isEqualTo("2024 presidential election");
    assertThat(cell(official, 3)).startsWith("42.26 %").contains("sources disagree");
    assertThat(cell(official, 4)).isEqualTo("Caribe Diario (per vigia:org/cne); Monitor Andino");
    assertThat(cell(opposition, 3)).startsWith("≈ 30 %").contains("sources disagree");
    assertThat(cell(opposition, 4)).isEqualTo("Orinoco Times (per the opposition)");
    assertThat(browser.findElements(By.cssSelector("#story-figures tr.conflict")))
        .containsExactly(opposition, official);
    assertThat(cell(rows.get(0), 3)).doesNotContain("disagree");
    assertThat(browser.findElement(By.id("story-status")).getText())
        .isEqualTo("4 figures; sources disagree on 1.");

    List<WebElement> detained = openStory(FigureFixtures.DETAINED_STORY);
    assertThat(detained)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(cell(r, 2)).as("no election for a count of detained people").isEmpty();
              assertThat(cell(r, 3)).isEqualTo("≈ 1,200–1,500");
              assertThat(cell(r, 4)).isEqualTo("Caribe Diario (per Foro Penal)");
            });
    assertThat(browser.findElements(By.cssSelector("#story-figures tr.conflict"))).isEmpty();
  }
}
