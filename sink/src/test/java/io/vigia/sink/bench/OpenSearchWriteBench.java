package io.vigia.sink.bench;

import io.vigia.schemas.RawArticle;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.search.ArticleDocument;
import io.vigia.sink.opensearch.OpenSearchArticleIndex;
import io.vigia.sink.opensearch.OpenSearchSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sink write throughput against OpenSearch as a ratio to raw bulk requests of the same documents.
 * Run: {@code url=$(.ci/opensearch.sh start /tmp/os); mvn -q -pl sink -am test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.vigia.sink.bench.OpenSearchWriteBench
 * -Dexec.args="$url 20000"}
 */
public final class OpenSearchWriteBench {
  private OpenSearchWriteBench() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    List<ArticleDocument> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RawArticle a =
          SampleArticles.raw(
                  "https://bench.example/" + i,
                  "Elecciones en Venezuela " + i,
                  "El Consejo Nacional Electoral anunció resultados parciales del proceso número "
                      + i
                      + ". ".repeat(20))
              .setLanguage("es")
              .setPublishedAt(Instant.parse("2024-07-29T00:00:00Z").plusSeconds(i))
              .build();
      docs.add(ArticleDocument.from(SampleArticles.enriched(a), Instant.now()));
    }
    for (int round = 0; round < 2; round++) { // the first round warms up the JVM and the server
      double raw = rate(url, "bench-raw-" + round, docs, true);
      double sink = rate(url, "bench-sink-" + round, docs, false);
      System.out.printf(
          "round %d: raw bulk %.0f docs/s, sink write %.0f docs/s, ratio %.2f%n",
          round, raw, sink, sink / raw);
    }
  }

  private static double rate(String url, String alias, List<ArticleDocument> docs, boolean raw)
      throws Exception {
    try (OpenSearchArticleIndex index =
        new OpenSearchArticleIndex(OpenSearchSettings.of(url, alias))) {
      int batch = 500; // what one consumer poll hands the sink
      long t0 = System.nanoTime();
      for (int i = 0; i < docs.size(); i += batch) {
        List<ArticleDocument> b = docs.subList(i, Math.min(docs.size(), i + batch));
        if (raw) {
          index.rawBulk(b);
        } else {
          index.write(b);
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      return docs.size() / s;
    }
  }
}
