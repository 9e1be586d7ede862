package io.vigia.ingest.bench;

import io.vigia.ingest.extract.JsoupArticleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * prints the median and p90 of the per-page times, and the same of the CPU time the thread spent on
 * each page (less sensitive to other processes on a shared machine: waiting for a core is not
 * counted). Run by {@code bench/extraction-bench.sh DIR}.
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
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] perPage = new double[pages.size()];
    double[] cpuPerPage = new double[pages.size()];
    Arrays.fill(perPage, Double.MAX_VALUE);
    Arrays.fill(cpuPerPage, Double.MAX_VALUE);
    long cpuTotal = 0;
    for (int pass = 0; pass < passes; pass++) {
      for (int i = 0; i < pages.size(); i++) {
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        sink += extractor.extract(urls.get(i), pages.get(i), null).text().length();
        long wall = System.nanoTime() - t0;
        long cpu = threads.getCurrentThreadCpuTime() - c0;
        cpuTotal += cpu;
        // best of the passes: noise from the shared machine out
        perPage[i] = Math.min(perPage[i], wall / 1e6);
        cpuPerPage[i] = Math.min(cpuPerPage[i], cpu / 1e6);
      }
    }
    Arrays.sort(perPage);
    Arrays.sort(cpuPerPage);
    long bytes = pages.stream().mapToLong(p -> p.length).sum();
    System.out.printf(
        "RESULT extraction pages=%d mean-page-kb=%.0f median-ms=%.2f p90-ms=%.2f max-ms=%.2f"
            + " cpu-median-ms=%.2f cpu-p90-ms=%.2f cpu-mean-ms=%.2f (best of %d passes, one thread;"
            + " cpu-mean over all passes; %d)%n",
        pages.size(),
        bytes / 1024.0 / Math.max(1, pages.size()),
        perPage[perPage.length / 2],
        perPage[(int) (perPage.length * 0.9)],
        perPage[perPage.length - 1],
        cpuPerPage[cpuPerPage.length / 2],
        cpuPerPage[(int) (cpuPerPage.length * 0.9)],
        cpuTotal / 1e6 / Math.max(1, (long) passes * pages.size()),
        passes,
        sink % 10);
  }
}
