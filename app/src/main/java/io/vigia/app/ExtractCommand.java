package io.vigia.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.http.Json;
import io.vigia.ingest.extract.ArticleExtractor;
import io.vigia.ingest.extract.ExtractedPage;
import io.vigia.ingest.extract.JsoupArticleExtractor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigia extract --manifest FILE}: runs ingest's extractor over saved pages, one JSON line in
 * ({@code {"id","url","path"}}, path to {@code .html} or {@code .html.gz}), one JSON line out. A
 * page that cannot be read still gets its line, with {@code isArticle: false} and the reason, so
 * the output lines up with the manifest.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extracts title, byline, dates, language, canonical URL and body text from saved pages, with the same "
          + "extractor ingest uses.",
      "Reads a manifest of JSON lines {\"id\",\"url\",\"path\"} (.html or .html.gz) and prints one JSON line per page: "
          + "{\"id\",\"url\",\"canonicalUrl\",\"title\",\"byline\",\"publishedAt\",\"language\",\"standfirst\",\"text\",\"paywalled\",\"isArticle\",...}."
    })
final class ExtractCommand implements Callable<Integer> {
  @Option(
      names = "--manifest",
      required = true,
      paramLabel = "FILE",
      description = "JSON lines {\"id\",\"url\",\"path\"}; - for standard input.")
  Path manifest;

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  PrintStream out = System.out;

  private final ArticleExtractor extractor = new JsoupArticleExtractor();

  @Override
  public Integer call() throws IOException {
    Path base =
        manifest.toString().equals("-") ? Path.of(".") : manifest.toAbsolutePath().getParent();
    try (BufferedReader in =
        manifest.toString().equals("-")
            ? new BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
            : Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        out.println(Json.MAPPER.writeValueAsString(extractOne(line, n, base)));
      }
    }
    out.flush();
    return 0;
  }

  private ObjectNode extractOne(String line, int lineNumber, Path base) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    JsonNode entry;
    try {
      entry = Json.MAPPER.readTree(line);
    } catch (IOException e) {
      return o.put("line", lineNumber)
          .put("isArticle", false)
          .put("error", "manifest line " + lineNumber + " is not JSON");
    }
    String id = entry.path("id").asText("");
    String url = entry.path("url").asText("");
    o.put("id", id).put("url", url);
    if (url.isEmpty() || !entry.hasNonNull("path")) {
      return o.put("isArticle", false)
          .put("error", "manifest line " + lineNumber + " needs \"url\" and \"path\"");
    }
    byte[] html;
    Path path = base.resolve(entry.path("path").asText());
    try (InputStream raw = Files.newInputStream(path);
        InputStream body = path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      html = body.readAllBytes();
    } catch (IOException e) {
      return o.put("isArticle", false).put("error", "cannot read " + path + ": " + e.getMessage());
    }
    ExtractedPage p;
    try {
      p = extractor.extract(url, html, null);
    } catch (RuntimeException | StackOverflowError e) {
      return o.put("isArticle", false).put("error", "extraction failed: " + e);
    }
    o.put("canonicalUrl", p.canonicalUrl());
    o.put("title", p.title());
    o.put("byline", p.byline());
    // With the offset the page stated (2024-07-28T22:10:00-04:00): the article's local day.
    o.put("publishedAt", p.publishedAt() == null ? null : ISO.format(p.publishedAt()));
    o.put("modifiedAt", p.modifiedAt() == null ? null : ISO.format(p.modifiedAt()));
    o.put("language", p.language());
    o.put("standfirst", p.standfirst());
    o.put("text", p.text());
    o.put("description", p.description());
    o.put("siteName", p.siteName());
    o.put("leadImage", p.leadImage());
    o.put("paywalled", p.paywalled());
    o.put("isArticle", p.isArticle());
    if (!p.isArticle()) {
      o.put("notArticleReason", p.notArticleReason());
    }
    return o;
  }
}
