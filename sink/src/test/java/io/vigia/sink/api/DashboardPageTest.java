package io.vigia.sink.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.http.HttpError;
import io.vigia.common.http.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DashboardPageTest {
  @Test
  void shouldServeThePageItsScriptAndStyleWithTheirTypesAndAStrictPolicy() throws Exception {
    Response page = DashboardPage.file("index.html");
    assertThat(page.contentType()).startsWith("text/html");
    String html = new String(page.body(), StandardCharsets.UTF_8);
    assertThat(html)
        .contains("/dashboard/dashboard.js")
        .contains("/dashboard/dashboard.css")
        .contains("id=\"search-form\"");
    assertThat(page.headers().get("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(DashboardPage.file("dashboard.js").contentType()).startsWith("text/javascript");
    assertThat(DashboardPage.file("dashboard.css").contentType()).startsWith("text/css");
  }

  @Test
  void shouldNotServeAnyOtherFile() {
    assertThatThrownBy(() -> DashboardPage.file("../SearchApi.class"))
        .isInstanceOf(HttpError.class);
    assertThatThrownBy(() -> DashboardPage.file("secrets.txt")).isInstanceOf(HttpError.class);
  }

  @Test
  void shouldNeverInjectMarkupFromArticles() throws Exception {
    String js = new String(DashboardPage.file("dashboard.js").body(), StandardCharsets.UTF_8);
    assertThat(js)
        .doesNotContain("innerHTML")
        .doesNotContain("insertAdjacentHTML")
        .doesNotContain("eval(");
  }
}
