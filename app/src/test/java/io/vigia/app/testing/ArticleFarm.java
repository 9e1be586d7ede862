package io.vigia.app.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback news site for load and fault tests: {@code feeds} RSS feeds of {@code perFeed} items
 * each, every item a distinct article about the elections (unique wording, so no two are
 * near-duplicates), generated on request. It counts page fetches, so a test can prove that no page
 * was fetched twice. {@link #withCopies} adds republished copies on another host name, so a test
 * can also check that copies stay linked to their originals.
 */
public final class ArticleFarm implements AutoCloseable {
  static {
    // The JDK server writes headers and body in separate small segments; without TCP_NODELAY
    // the client's delayed ACK adds ~40 ms to every response. Read once, before the first server.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final String[] PLACES = {
    "Caracas",
    "Maracaibo",
    "Valencia",
    "Barquisimeto",
    "Mérida",
    "Ciudad Guayana",
    "Maturín",
    "Barcelona",
    "Cumaná",
    "San Cristóbal",
    "Puerto Ayacucho",
    "Coro"
  };
  private static final String[] TOPICS = {
    "el registro electoral",
    "la auditoría de las máquinas de votación",
    "la inscripción de candidatos",
    "la observación internacional",
    "las actas de escrutinio",
    "el voto en el exterior",
    "la campaña presidencial",
    "el cronograma del Consejo Nacional Electoral"
  };

  private final HttpServer server;
  private final int feeds;
  private final int perFeed;
  private final Map<String, AtomicInteger> pageFetches = new ConcurrentHashMap<>();
  private volatile long pageDelayMillis;
  private volatile int copyEvery;

  public ArticleFarm(int feeds, int perFeed) {
    this.feeds = feeds;
    this.perFeed = perFeed;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          String body;
          String type;
          if (path.startsWith("/feed/")) {
            body = feed(Integer.parseInt(path.substring("/feed/".length()).replace(".xml", "")));
            type = "application/rss+xml; charset=utf-8";
          } else if (path.startsWith("/a/")) {
            pageFetches.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            pause(pageDelayMillis);
            body = page(path.substring(3).replace(".html", ""));
            type = "text/html; charset=utf-8";
          } else if (path.startsWith("/c/")) {
            pageFetches.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            pause(pageDelayMillis);
            body = copyPage(path.substring(3).replace(".html", ""));
            type = "text/html; charset=utf-8";
          } else {
            body = null;
            type = "text/plain";
          }
          try (OutputStream out = ex.getResponseBody()) {
            if (body == null) {
              ex.sendResponseHeaders(404, -1);
            } else {
              byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
              ex.getResponseHeaders().set("Content-Type", type);
              ex.sendResponseHeaders(200, bytes.length);
              out.write(bytes);
            }
          }
        });
    server.start();
  }

  /**
   * Pages of one host ingest fetches at once (its default {@code ingest.max-in-flight-per-host}):
   * tests that pace the farm so a fault lands mid-run scale their page delay by it.
   */
  public static final int PARALLEL_FETCHES = 2;

  /**
   * Makes every article page answer after {@code millis}: a slow site, so that a test can act while
   * the work is still under way however fast the machine is.
   */
  public ArticleFarm withPageDelay(long millis) {
    this.pageDelayMillis = millis;
    return this;
  }

  /**
   * Also lists, for every {@code every}-th article of each feed, a republisher's copy two hours
   * later: the same story with the republisher's title and a credit line, served under the host
   * name {@code localhost} (another source for dedup, the same loopback server).
   */
  public ArticleFarm withCopies(int every) {
    this.copyEvery = every;
    return this;
  }

  /** Copy URL to original URL, for every copy the feeds list. */
  public Map<String, String> copies() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (copyEvery > 0) {
      for (int f = 0; f < feeds; f++) {
        for (int i = 0; i < perFeed; i += copyEvery) {
          out.put(copyUrl(f + "-" + i), baseUrl() + "/a/" + f + "-" + i + ".html");
        }
      }
    }
    return out;
  }

  private String copyUrl(String id) {
    return "http://localhost:" + server.getAddress().getPort() + "/c/" + id + ".html";
  }

  private static void pause(long millis) {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<String> feedUrls() {
    List<String> urls = new ArrayList<>();
    for (int f = 0; f < feeds; f++) {
      urls.add(baseUrl() + "/feed/" + f + ".xml");
    }
    return urls;
  }

  /**
   * Every page URL the feeds list: each article's and each copy's; the index must end with exactly
   * these.
   */
  public java.util.Set<String> pageUrls() {
    java.util.Set<String> urls = new java.util.LinkedHashSet<>();
    for (int f = 0; f < feeds; f++) {
      for (int i = 0; i < perFeed; i++) {
        urls.add(baseUrl() + "/a/" + f + "-" + i + ".html");
      }
    }
    urls.addAll(copies().keySet());
    return urls;
  }

  /** Total distinct articles the farm lists. */
  public int articles() {
    return feeds * perFeed;
  }

  /** Pages fetched more than once (should be none). */
  public List<String> pagesFetchedMoreThanOnce() {
    return pageFetches.entrySet().stream()
        .filter(e -> e.getValue().get() > 1)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  public int distinctPagesFetched() {
    return pageFetches.size();
  }

  /**
   * Waits until the farm has served {@code pages} distinct pages or {@code maxWait} has passed,
   * whichever comes first; true when the pages were served. Fault tests time each kill by the clock
   * and by progress: a kill lands at a random moment, but never after its round's share of the
   * work, so a fast machine (or a slow start that went on fetching) cannot finish everything before
   * the last kill.
   */
  public boolean awaitPagesFetched(int pages, Duration maxWait) throws InterruptedException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (pageFetches.size() < pages) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** A config snippet listing every feed, for {@code --config}. */
  public String feedsYaml() {
    StringBuilder sb = new StringBuilder("feeds:\n");
    for (int f = 0; f < feeds; f++) {
      sb.append("  - url: ")
          .append(baseUrl())
          .append("/feed/")
          .append(f)
          .append(".xml\n    name: Farm ")
          .append(f)
          .append('\n');
    }
    return sb.toString();
  }

  private String feed(int f) {
    StringBuilder sb =
        new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Farm ")
            .append(f)
            .append("</title><link>")
            .append(baseUrl())
            .append("/</link><description>farm</description>");
    for (int i = 0; i < perFeed; i++) {
      String id = f + "-" + i;
      sb.append("<item><title>Nota ")
          .append(id)
          .append("</title><link>")
          .append(baseUrl())
          .append("/a/")
          .append(id)
          .append(".html</link><guid>farm-")
          .append(id)
          .append("</guid><pubDate>")
          .append(
              DateTimeFormatter.RFC_1123_DATE_TIME.format(published(f, i).atOffset(ZoneOffset.UTC)))
          .append("</pubDate></item>");
      if (copyEvery > 0 && i % copyEvery == 0) {
        sb.append("<item><title>Republicado ")
            .append(id)
            .append("</title><link>")
            .append(copyUrl(id))
            .append("</link><guid>copy-")
            .append(id)
            .append("</guid><pubDate>")
            .append(
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    published(f, i).plusSeconds(7200).atOffset(ZoneOffset.UTC)))
            .append("</pubDate></item>");
      }
    }
    return sb.append("</channel></rss>").toString();
  }

  private static Instant published(int f, int i) {
    return Instant.parse("2024-07-01T00:00:00Z").plusSeconds(3600L * f + 60L * i);
  }

  /**
   * The article {@code id} as a republisher shows it: its own headline, the story, a credit line.
   */
  private static String copyPage(String id) {
    String original = page(id);
    String story = original.substring(original.indexOf("<p>"), original.indexOf("</article>"));
    return "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Republicado "
        + id
        + "</title></head><body><article>"
        + "<h1>Republicado: la nota "
        + id
        + " sobre las elecciones</h1>"
        + story
        + "<p>Este artículo se publicó originalmente en Farm Noticias y se reproduce con autorización.</p></article></body></html>";
  }

  /** A page whose words depend on its id, so every article is textually distinct. */
  private static String page(String id) {
    String[] parts = id.split("-");
    int f = Integer.parseInt(parts[0]);
    int i = Integer.parseInt(parts[1]);
    long seed = (f * 7919L + i * 104729L) & 0x7fffffff;
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < 4; p++) {
      long s = seed * (p + 3);
      text.append("<p>En ")
          .append(PLACES[(int) (s % PLACES.length)])
          .append(", el informe número ")
          .append(id)
          .append('.')
          .append(p)
          .append(" sobre ")
          .append(TOPICS[(int) ((s / 7) % TOPICS.length)])
          .append(" registró ")
          .append(s % 9973)
          .append(" observaciones, ")
          .append((s / 13) % 811)
          .append(" reclamos y ")
          .append((s / 17) % 97)
          .append(
              " centros visitados antes de las elecciones presidenciales en Venezuela; referencia ")
          .append(Long.toString(s * 31 + p, 36))
          .append(".</p>");
    }
    return "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Nota "
        + id
        + "</title></head><body><article><h1>Nota "
        + id
        + " sobre las elecciones</h1>"
        + text
        + "</article></body></html>";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
