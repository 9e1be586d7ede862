package io.vigia.sink.api;

import io.vigia.common.http.HttpApi;
import io.vigia.common.http.HttpError;
import io.vigia.common.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/**
 * The built-in dashboard: a static page (HTML, CSS and plain JavaScript, no build step) at {@code
 * /} that reads the search API ({@code /api/articles}, {@code /api/stats}, {@code /api/stories})
 * and {@code /api/stories/{id}} (a story's figures, {@code figures.js}) and, when they are served,
 * {@code /api/alerts} and {@code /api/sources}.
 */
public final class DashboardPage {
  private static final String ROOT = "/io/vigia/sink/dashboard/";
  private static final Set<String> FILES =
      Set.of("index.html", "dashboard.js", "figures.js", "dashboard.css");
  private static final Map<String, String> TYPES =
      Map.of(
          "html",
          "text/html; charset=utf-8",
          "js",
          "text/javascript; charset=utf-8",
          "css",
          "text/css; charset=utf-8");

  public void register(HttpApi http) {
    http.route("GET", "/", r -> file("index.html"));
    http.route("GET", "/dashboard/{file}", r -> file(r.pathParam("file")));
  }

  static Response file(String name) throws IOException {
    if (!FILES.contains(name)) {
      throw HttpError.notFound("no dashboard file " + name);
    }
    try (InputStream in = DashboardPage.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw HttpError.notFound("no dashboard file " + name);
      }
      String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
      return new Response(
          200,
          type,
          in.readAllBytes(),
          Map.of(
              "Cache-Control",
              "no-cache",
              "Content-Security-Policy",
              "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'"));
    }
  }
}
