package io.vigia.ingest.bench;

import io.vigia.ingest.extract.JsoupArticleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Parse + extract time per page over a folder of saved pages ({@code .html}, {@code .html.gz}), one
 * thread: pages are read into memory first, two warm-up passes, then {@code passes} timed passes;
 * prints the median and p90 of the per-page times. Run by {@code bench/extraction-bench.sh DIR}.
 */
public final class ExtractionBench {
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<byte[]> pages = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".html") && !name.endsWith(".html.gz")) {
          continue;
        }
        try (InputStream in =
            name.endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(f))
                : Files.newInputStream(f)) {
          pages.add(in.readAllBytes());
          urls.add("https://example.org/" + name);
        }
      }
    }
    JsoupArticleExtractor extractor = new JsoupArticleExtractor();
    long sink = 0;
    for (int w = 0; w < 2; w++) {
      for (int i = 0; i < pages.size(); i++) {
        sink += extractor.extract(urls.get(i), pages.get(i), null).text().length();
      }
    }
    double[] perPage = new double[pages.size()];
    Arrays.fill(perPage, Double.MAX_VALUE);
    for (int pass = 0; pass < passes; pass++) {
      for (int i = 0; i < pages.size(); i++) {
        long t0 = System.nanoTime();
        sink += extractor.extract(urls.get(i), pages.get(i), null).text().length();
        perPage[i] =
            Math.min(
                perPage[i],
                (System.nanoTime() - t0)
                    / 1e6); // best of the passes: noise from the shared machine out
      }
    }
    Arrays.sort(perPage);
    long bytes = pages.stream().mapToLong(p -> p.length).sum();
    System.out.printf(
        "RESULT extraction pages=%d mean-page-kb=%.0f median-ms=%.2f p90-ms=%.2f max-ms=%.2f (best of %d passes, one thread; %d)%n",
        pages.size(),
        bytes / 1024.0 / Math.max(1, pages.size()),
        perPage[perPage.length / 2],
        perPage[(int) (perPage.length * 0.9)],
        perPage[perPage.length - 1],
        passes,
        sink % 10);
  }
}
