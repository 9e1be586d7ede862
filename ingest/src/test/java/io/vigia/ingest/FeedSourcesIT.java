package io.vigia.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.profile.FeedSpec;
import io.vigia.ingest.extract.JsoupArticleExtractor;
import io.vigia.ingest.fetch.PageFetcher;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest against a loopback site that publishes in every feed format it must read (RSS 0.90, 0.91
 * with the Netscape DOCTYPE, 0.92, 2.0 with content:encoded and Media RSS, RSS 1.0, Atom 0.3 and
 * 1.0, a Google News sitemap, a sitemap index and indexes nested in one, Google News search feeds
 * in the older link format and in the current one that Google redirects), deflate and a UTF-16 feed
 * with a byte-order mark, a page that names its charset only in {@code <meta charset>}, next to
 * feeds that fail in the ways real ones do (500, 429 and 503 with Retry-After in seconds and as a
 * date, each on a host of its own since such answers hold the whole host; a feed that is unreadable
 * in its declared charset) and items that fail (a malformed redirect, a page that answers 503
 * once). Every article arrives exactly once, each failure is reported on its own source, the failed
 * item is retried at a 304 poll of its feed, a feed whose items all came in through another feed
 * still counts them as new, requests to the main host keep the politeness rules, and a restarted
 * instance continues from the persisted feed state. An IT: a real broker and real HTTP servers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class FeedSourcesIT {
  private static final Duration HOST_DELAY = Duration.ofMillis(200);

  private EmbeddedKafka broker;
  private KafkaSettings kafka;
  private HttpServer site;
  private String base;

  /**
   * Hosts of their own for answers that hold a whole host (429/503 with Retry-After, 5xx backoff)
   * and for Google's stand-in.
   */
  private final List<HttpServer> others = new ArrayList<>();

  private String throttled;
  private String unavailable;
  private String broken;
  private String flaky;
  private int googlePort;
  private final Map<String, List<Long>> hitTimes = new ConcurrentHashMap<>();
  private final Map<String, List<Long>> notModifiedTimes = new ConcurrentHashMap<>();
  private final Map<String, Function<HttpExchange, Response>> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<Long> requestStarts = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, List<String>> conditionalHeaders = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();

  private record Response(int status, Map<String, String> headers, byte[] body) {
    static Response ok(String contentType, byte[] body) {
      return new Response(200, Map.of("Content-Type", contentType), body);
    }
  }

  /** Every group below looks at one run: a broker, the site, and the first instance started. */
  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    broker = new EmbeddedKafka(tmp.resolve("kafka"), 0).start();
    kafka = new KafkaSettings(broker.bootstrapServers(), 2, (short) 1);
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      TopicCreator.ensure(admin, Topics.all(), 2, (short) 1);
    }
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    site.setExecutor(Executors.newFixedThreadPool(8));
    site.createContext("/", this::serve);
    site.start();
    base = "http://127.0.0.1:" + site.getAddress().getPort();
    throttled = "http://127.0.0.1:" + otherHost().getAddress().getPort();
    unavailable = "http://127.0.0.1:" + otherHost().getAddress().getPort();
    broken = "http://127.0.0.1:" + otherHost().getAddress().getPort();
    flaky = "http://127.0.0.1:" + otherHost().getAddress().getPort();
    googlePort = otherHost().getAddress().getPort();
    startTheFirstInstance();
  }

  private HttpServer otherHost() throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    s.setExecutor(Executors.newFixedThreadPool(2));
    s.createContext("/", this::serve);
    s.start();
    others.add(s);
    return s;
  }

  /**
   * news.google.com is our loopback stand-in for Google; every other name is looked up as usual
   * (and refused when private).
   */
  private InetAddress[] resolve(String host) throws java.net.UnknownHostException {
    return host.equals("news.google.com")
        ? new InetAddress[] {InetAddress.getByName("127.0.0.1")}
        : InetAddress.getAllByName(host);
  }

  @AfterAll
  void stop() {
    for (IngestService svc : new IngestService[] {second, first}) {
      if (svc != null) {
        svc.close();
      }
    }
    if (site != null) {
      site.stop(0);
    }
    others.forEach(o -> o.stop(0));
    if (broker != null) {
      broker.close();
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    // politeness is measured on the main host, where almost every request goes
    boolean main = ex.getLocalAddress().getPort() == site.getAddress().getPort();
    if (main) {
      requestStarts.add(System.nanoTime());
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }
    try {
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      hitTimes
          .computeIfAbsent(path, p -> Collections.synchronizedList(new ArrayList<>()))
          .add(System.nanoTime());
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      conditionalHeaders
          .computeIfAbsent(path, p -> Collections.synchronizedList(new ArrayList<>()))
          .add(inm == null ? "-" : inm);
      Function<HttpExchange, Response> route = routes.get(path);
      Response r =
          route == null
              ? new Response(404, Map.of(), "not here".getBytes(StandardCharsets.UTF_8))
              : route.apply(ex);
      if (r == null) {
        return; // the route answered by itself
      }
      r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      if (r.status() == 304) {
        notModifiedTimes
            .computeIfAbsent(path, p -> Collections.synchronizedList(new ArrayList<>()))
            .add(System.nanoTime());
        ex.sendResponseHeaders(304, -1);
      } else {
        ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(r.body());
        }
      }
    } finally {
      if (main) {
        inFlight.decrementAndGet();
      }
      ex.close();
    }
  }

  /** A feed with an ETag: unchanged polls get a 304. */
  private void feed(String path, String contentType, byte[] body) {
    feed(path, contentType, () -> body);
  }

  /** A feed whose content may change between polls, with an ETag of its current content. */
  private void feed(String path, String contentType, java.util.function.Supplier<byte[]> content) {
    routes.put(
        path,
        ex -> {
          byte[] body = content.get();
          String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
          return etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))
              ? new Response(304, Map.of("ETag", etag), new byte[0])
              : new Response(200, Map.of("Content-Type", contentType, "ETag", etag), body);
        });
  }

  private static String paragraphs(String lead) {
    return "<p>"
        + lead
        + "</p>"
        + "<p>El Consejo Nacional Electoral publicó el cronograma y los partidos presentaron sus candidaturas ante la junta regional.</p>"
        + "<p>Los testigos de mesa recibirán credenciales y los observadores podrán acompañar el escrutinio en cada centro de votación.</p>";
  }

  private void article(String path, String title, String lead) {
    String html =
        "<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>"
            + title
            + " | Diario</title></head><body>"
            + "<nav><a href=\"/\">Portada</a></nav><article><h1>"
            + title
            + "</h1>"
            + paragraphs(lead)
            + "</article></body></html>";
    routes.put(
        path, ex -> Response.ok("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] deflate(byte[] body) {
    java.util.zip.Deflater d = new java.util.zip.Deflater();
    d.setInput(body);
    d.finish();
    byte[] buf = new byte[body.length + 64];
    int n = d.deflate(buf);
    d.end();
    return java.util.Arrays.copyOf(buf, n);
  }

  private static byte[] gzipBomb() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        gz.write(zeros);
      }
    }
    return bytes.toByteArray();
  }

  private Map<String, String> publish() throws IOException {
    Map<String, String> expected = new HashMap<>(); // article path -> a phrase of its text
    String[] names = {
      "rss090",
      "rss091",
      "rss092",
      "rss20",
      "rdf",
      "atom03",
      "atom10",
      "news",
      "sm1",
      "sm2",
      "sm3",
      "sm4",
      "sm-late",
      "gn",
      "gn2",
      "deflate",
      "bom",
      "after-bad",
      "flaky"
    };
    for (String n : names) {
      String lead = "Primera línea del artículo " + n + " sobre las elecciones en Mérida.";
      article("/a/" + n, "Artículo " + n + " del CNE", lead);
      expected.put("/a/" + n, lead);
    }
    String fullText =
        "Texto completo que solo trae el feed: la junta electoral de Táchira instaló las mesas a las seis.";
    routes.put(
        "/a/script-only",
        ex ->
            Response.ok(
                "text/html; charset=utf-8",
                "<html><head><title>App</title></head><body><div id=\"root\"></div><script>render()</script></body></html>"
                    .getBytes(StandardCharsets.UTF_8)));
    expected.put("/a/script-only", fullText);

    // A page that names its charset only in <meta charset>: the HTTP header says text/html and
    // nothing more.
    String metaLead =
        "“Escrutinio” en Mérida — la junta instaló las mesas y los testigos firmaron las actas a las seis.";
    String metaPage =
        "<html><head><meta charset=\"windows-1252\"><title>Meta charset</title></head><body><article><h1>Escrutinio en Mérida</h1>"
            + paragraphs(metaLead)
            + "</article></body></html>";
    routes.put(
        "/a/meta-charset",
        ex -> Response.ok("text/html", metaPage.getBytes(Charset.forName("windows-1252"))));
    expected.put("/a/meta-charset", metaLead);

    String latinLead =
        "“Participación” récord en Táchira — según la junta regional, que instaló las mesas a las seis.";
    String latinPage =
        "<html><head><title>Latin-1</title></head><body><article><h1>Participación en Táchira</h1>"
            + paragraphs(latinLead)
            + "</article></body></html>";
    routes.put(
        "/a/latin1",
        ex ->
            Response.ok(
                "text/html; charset=ISO-8859-1",
                latinPage.getBytes(Charset.forName("windows-1252"))));
    expected.put("/a/latin1", latinLead);

    feed(
        "/feeds/rss090.xml",
        "application/rdf+xml",
        ("""
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
          <channel><title>Viejo</title><link>%1$s/</link><description>d</description></channel>
          <item><title>RSS 0.90</title><link>%1$s/a/rss090</link></item>
        </rdf:RDF>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8));
    byte[] deflated =
        deflate(
            ("""
        <rss version="2.0"><channel><title>Comprimido</title><link>%1$s/</link><description>d</description>
        <item><title>Deflate</title><link>%1$s/a/deflate</link></item></channel></rss>
        """
                    .formatted(base))
                .getBytes(StandardCharsets.UTF_8));
    routes.put(
        "/feeds/deflate.xml",
        ex ->
            new Response(
                200,
                Map.of("Content-Type", "application/rss+xml", "Content-Encoding", "deflate"),
                deflated));
    // UTF-16 with a byte-order mark, labelled UTF-8 by the server: the BOM decides
    routes.put(
        "/feeds/bom.xml",
        ex ->
            Response.ok(
                "application/rss+xml; charset=utf-8",
                ("\uFEFF"
                        + """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Diario en UTF-16</title><link>%1$s/</link><description>d</description>
        <item><title>Año electoral</title><link>%1$s/a/bom</link></item></channel></rss>
        """
                            .formatted(base))
                    .getBytes(StandardCharsets.UTF_16LE)));
    // An item whose redirect cannot be read, one after it, a page that names its charset in <meta>;
    // and a page on a host that fails once
    AtomicInteger flakyAnswers = new AtomicInteger();
    routes.put(
        "/a/bad-redirect",
        ex -> new Response(302, Map.of("Location", "/a/una página con espacios"), new byte[0]));
    Function<HttpExchange, Response> flakyPage = routes.get("/a/flaky");
    routes.put(
        "/a/flaky",
        ex ->
            flakyAnswers.incrementAndGet() == 1
                ? new Response(503, Map.of(), "un momento".getBytes(StandardCharsets.UTF_8))
                : flakyPage.apply(ex));
    feed(
        "/feeds/mixed.xml",
        "application/rss+xml",
        ("""
        <rss version="2.0"><channel><title>Mixto</title><link>%1$s/</link><description>d</description>
        <item><title>Redirección rota</title><link>%1$s/a/bad-redirect</link></item>
        <item><title>Después</title><link>%1$s/a/after-bad</link></item>
        <item><title>Meta charset</title><link>%1$s/a/meta-charset</link></item>
        </channel></rss>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8));
    feed(
        "/feeds/flaky.xml",
        "application/rss+xml",
        ("""
        <rss version="2.0"><channel><title>Inestable</title><link>%1$s/</link><description>d</description>
        <item><title>Falla una vez</title><link>%1$s/a/flaky</link></item>
        </channel></rss>
        """
                .formatted(flaky))
            .getBytes(StandardCharsets.UTF_8));
    // Every item of this feed is also another feed's, and it has no validators: each poll is a 200
    // listing the same two items
    byte[] echo =
        ("""
        <rss version="2.0"><channel><title>Eco</title><link>%1$s/</link><description>d</description>
        <item><title>Eco 1</title><link>%1$s/a/rss20?utm_source=eco</link></item><item><title>Eco 2</title><link>%1$s/a/rdf</link></item>
        </channel></rss>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8);
    byte[] echoEmpty =
        ("<rss version=\"2.0\"><channel><title>Eco</title><link>"
                + base
                + "/</link><description>d</description></channel></rss>")
            .getBytes(StandardCharsets.UTF_8);
    // ...listed only once the other feeds' fetches of them began, so that this feed never delivers
    // them itself
    routes.put(
        "/feeds/echo.xml",
        ex ->
            Response.ok(
                "application/rss+xml",
                hits.containsKey("/a/rss20") && hits.containsKey("/a/rdf") ? echo : echoEmpty));
    feed(
        "/feeds/rss091.xml",
        "text/xml",
        ("""
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
        <rss version="0.91"><channel><title>Diario</title><link>%s/</link><description>Política</description><language>es</language>
        <item><title>Elecciones en Mérida</title><link>/a/rss091</link><description>x</description></item>
        </channel></rss>
        """
                .formatted(base))
            .getBytes(StandardCharsets.ISO_8859_1));
    feed(
        "/feeds/rss092.xml",
        "text/xml; charset=iso-8859-1",
        ("""
        <rss version="0.92"><channel><title>Diario</title><link>%s/</link><description>d</description>
        <item><title>“Participación” en Táchira</title><link>%s/a/rss092</link></item>
        <item><title>Otra vez el mismo GUID</title><link>%s/a/rss092?utm_source=rss&amp;utm_medium=feed</link></item>
        <item><title>Página en Latin-1</title><link>%s/a/latin1</link></item>
        </channel></rss>
        """
                .formatted(base, base, base, base))
            .getBytes(Charset.forName("windows-1252")));
    feed(
        "/feeds/rss20.xml",
        "application/rss+xml",
        ("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
        <channel><title>Diario</title><link>%1$s/</link><description>d</description>
        <item><title><![CDATA[<b>Artículo</b> rss20]]></title><link>%1$s/a/rss20</link><guid>g-1</guid>
          <pubDate>Mon, 29 Jul 2024 10:00:00 GMT</pubDate><media:thumbnail url="/img/rss20.jpg"/></item>
        <item><title>Duplicado</title><link>%1$s/a/rss20#comments</link><guid>g-1</guid></item>
        <item><title>Solo en el feed</title><link>%1$s/a/script-only</link><guid>g-2</guid>
          <content:encoded><![CDATA[<p>%2$s</p><p>Los observadores llegaron temprano a los centros de votación de la región.</p>]]></content:encoded></item>
        </channel></rss>
        """
                .formatted(base, fullText))
            .getBytes(StandardCharsets.UTF_8));
    feed(
        "/feeds/rdf.xml",
        "application/rdf+xml",
        ("""
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
          <channel rdf:about="%1$s/"><title>R</title><link>%1$s/</link><description>d</description>
            <items><rdf:Seq><rdf:li rdf:resource="%1$s/a/rdf"/></rdf:Seq></items></channel>
          <item rdf:about="%1$s/a/rdf"><title>RDF</title><link>%1$s/a/rdf</link></item>
        </rdf:RDF>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8));
    feed(
        "/feeds/atom03.xml",
        "application/atom+xml",
        ("""
        <?xml version="1.0" encoding="utf-8"?>
        <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>A</title><link rel="alternate" type="text/html" href="%1$s/"/>
          <modified>2024-07-29T10:00:00Z</modified>
          <entry><title>Atom 0.3</title><link rel="alternate" type="text/html" href="%1$s/a/atom03"/><id>tag:x,2024:1</id>
            <issued>2024-07-29T10:00:00Z</issued><modified>2024-07-29T10:00:00Z</modified></entry>
        </feed>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8));
    feed(
        "/feeds/atom10.xml",
        "application/atom+xml",
        ("""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:x</id><updated>2024-07-29T10:00:00Z</updated>
          <entry><title type="html">Atom &lt;i&gt;1.0&lt;/i&gt;</title><link href="/a/atom10"/><id>urn:1</id><updated>2024-07-29T10:00:00Z</updated></entry>
          <entry><title>Ya visto en otro feed</title><link href="/a/rss091?utm_campaign=atom&amp;fbclid=abc"/><id>urn:2</id>
            <updated>2024-07-29T10:00:00Z</updated></entry>
          <entry><title>También en Google News</title><link href="/a/gn2"/><id>urn:3</id><updated>2024-07-29T10:00:00Z</updated></entry>
        </feed>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8));
    feed(
        "/sitemap-news.xml",
        "application/xml",
        ("""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
          <url><loc>%s/a/news</loc><news:news><news:publication><news:name>Diario</news:name><news:language>es</news:language>
            </news:publication><news:publication_date>2024-07-29T10:00:00Z</news:publication_date><news:title>Noticia</news:title>
          </news:news></url>
        </urlset>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8));
    feed(
        "/sitemap-index.xml",
        "application/xml",
        ("""
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>%1$s/sitemaps/1.xml</loc><lastmod>2024-07-29T10:00:00Z</lastmod></sitemap>
          <sitemap><loc>%1$s/sitemaps/2.xml</loc><lastmod>2024-07-28T10:00:00Z</lastmod></sitemap>
        </sitemapindex>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8));
    feed(
        "/sitemaps/2.xml",
        "application/xml",
        ("""
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/a/sm2</loc></url></urlset>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8));
    // The newest sitemap is rewritten in place while the index that lists it stays the same (and
    // answers 304)
    byte[] sm1 =
        ("""
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/a/sm1</loc></url></urlset>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8);
    byte[] sm1Later =
        ("""
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%1$s/a/sm-late</loc></url><url><loc>%1$s/a/sm1</loc></url>
        </urlset>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8);
    feed("/sitemaps/1.xml", "application/xml", () -> hits.containsKey("/a/sm1") ? sm1Later : sm1);
    feed(
        "/feeds/empty.xml",
        "application/rss+xml",
        ("""
        <rss version="2.0"><channel><title>Vacío</title><link>%s/</link><description>d</description></channel></rss>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8));
    // Nested indexes, which some outlets use although sitemaps.org has none: followed two levels
    // below the configured index, newest first; a loop back to the root is reported, not walked.
    feed(
        "/sitemap-nested.xml",
        "application/xml",
        ("""
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>%1$s/sitemaps/2024.xml</loc><lastmod>2024-07-29T10:00:00Z</lastmod></sitemap>
          <sitemap><loc>%1$s/sitemap-nested.xml</loc><lastmod>2024-07-01T10:00:00Z</lastmod></sitemap>
        </sitemapindex>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8));
    feed(
        "/sitemaps/2024.xml",
        "application/xml",
        ("""
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>%1$s/sitemaps/3.xml</loc></sitemap><sitemap><loc>%1$s/sitemaps/2024-07.xml</loc></sitemap>
        </sitemapindex>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8));
    feed(
        "/sitemaps/2024-07.xml",
        "application/xml",
        ("""
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>%1$s/sitemaps/4.xml</loc></sitemap><sitemap><loc>%1$s/sitemaps/too-deep.xml</loc></sitemap>
        </sitemapindex>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8));
    feed(
        "/sitemaps/too-deep.xml",
        "application/xml",
        ("""
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>%s/sitemaps/5.xml</loc></sitemap></sitemapindex>
        """
                .formatted(base))
            .getBytes(StandardCharsets.UTF_8));
    for (String n : List.of("3", "4", "5")) {
      feed(
          "/sitemaps/" + n + ".xml",
          "application/xml",
          ("""
          <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/a/sm%s</loc></url></urlset>
          """
                  .formatted(base, n))
              .getBytes(StandardCharsets.UTF_8));
    }
    article(
        "/a/sm5",
        "Artículo sm5 del CNE",
        "Primera línea del artículo sm5, cuatro índices por debajo del configurado.");
    feed(
        "/feeds/google-news.xml",
        "application/rss+xml",
        ("""
        <rss version="2.0"><channel><title>"CNE" - Google News</title><link>https://news.google.com/</link><description>d</description>
        <item><title>Artículo gn - Diario</title><link>%s</link><guid isPermaLink="false">CBMi</guid>
          <source url="%s">Diario</source></item>
        </channel></rss>
        """
                .formatted(
                    io.vigia.ingest.feed.GoogleNewsIds.articleLink(base + "/a/gn")
                        .replace("&", "&amp;"),
                    base))
            .getBytes(StandardCharsets.UTF_8));

    // A Google News link in the current format (nothing to decode): Google answers with a redirect
    // to the publisher
    feed(
        "/feeds/google-news-current.xml",
        "application/rss+xml",
        ("""
        <rss version="2.0"><channel><title>"CNE" - Google News</title><link>https://news.google.com/</link><description>d</description>
        <item><title>Artículo gn2 - Diario</title><link>http://news.google.com:%d/rss/articles/CBMiVkFVX3lxTE9wYXF1ZQ?oc=5</link>
          <source url="%s">Diario</source></item>
        </channel></rss>
        """
                .formatted(googlePort, base))
            .getBytes(StandardCharsets.UTF_8));
    routes.put(
        "/rss/articles/CBMiVkFVX3lxTE9wYXF1ZQ",
        ex -> new Response(302, Map.of("Location", base + "/a/gn2"), new byte[0]));

    routes.put(
        "/feeds/error.xml",
        ex -> new Response(500, Map.of(), "boom".getBytes(StandardCharsets.UTF_8)));
    routes.put(
        "/feeds/busy.xml", ex -> new Response(429, Map.of("Retry-After", "3600"), new byte[0]));
    routes.put(
        "/feeds/unavailable.xml",
        ex ->
            new Response(
                503,
                Map.of(
                    "Retry-After",
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(1))),
                new byte[0]));
    // UTF-16 without a byte-order mark, labelled UTF-8: read as UTF-8 it is full of NULs, which no
    // XML may hold
    routes.put(
        "/feeds/utf16-as-utf8.xml",
        ex ->
            Response.ok(
                "application/rss+xml; charset=utf-8",
                """
        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title></channel></rss>
        """
                    .getBytes(StandardCharsets.UTF_16LE)));
    routes.put(
        "/feeds/loop.xml",
        ex -> new Response(302, Map.of("Location", "/feeds/loop.xml?again"), new byte[0]));
    routes.put(
        "/feeds/to-metadata.xml",
        ex ->
            new Response(
                302, Map.of("Location", "http://169.254.169.254/latest/meta-data/"), new byte[0]));
    routes.put(
        "/feeds/to-loopback.xml",
        ex -> new Response(302, Map.of("Location", "http://127.0.0.1:1/feed.xml"), new byte[0]));
    byte[] bomb = gzipBomb();
    routes.put(
        "/feeds/bomb.xml",
        ex ->
            new Response(
                200,
                Map.of("Content-Type", "application/rss+xml", "Content-Encoding", "gzip"),
                bomb));
    routes.put(
        "/feeds/xxe.xml",
        ex ->
            Response.ok(
                "application/rss+xml",
                """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&xxe;</title><link>https://x.example/</link><description>d</description></channel></rss>
        """
                    .getBytes(StandardCharsets.UTF_8)));
    StringBuilder lol =
        new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY lol \"lol\">");
    String prev = "lol";
    for (int i = 1; i <= 9; i++) {
      lol.append("<!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&" + prev + ";").repeat(10))
          .append("\">");
      prev = "lol" + i;
    }
    lol.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
    routes.put(
        "/feeds/laughs.xml",
        ex -> Response.ok("application/rss+xml", lol.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] huge = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    routes.put("/feeds/huge.xml", ex -> Response.ok("application/rss+xml", huge));
    routes.put(
        "/feeds/slow.xml",
        ex -> {
          try { // headers at once, then a body that trickles past the read timeout
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 60; i++) {
              out.write("<!-- . -->".getBytes(StandardCharsets.UTF_8));
              out.flush();
              Thread.sleep(100);
            }
            out.close();
          } catch (IOException | InterruptedException e) {
            // the client hung up, as it should
          }
          return null;
        });
    return expected;
  }

  private static final Map<String, String> FAILURES =
      Map.ofEntries(
          Map.entry("error", "HTTP 500"),
          Map.entry("busy", "HTTP 429"),
          Map.entry("loop", "redirects"),
          Map.entry("to-metadata", "169.254.169.254"),
          Map.entry("to-loopback", "refused"),
          Map.entry("bomb", "larger than"),
          Map.entry("xxe", "not a readable feed"),
          Map.entry("laughs", "not a readable feed"),
          Map.entry("huge", "larger than"),
          Map.entry("slow", "slow or endless body"),
          Map.entry("unavailable", "HTTP 503 (Retry-After 3"),
          Map.entry("utf16-as-utf8", "not a readable feed"));

  /** Where each failing feed lives: the ones whose answer holds a host have one of their own. */
  private String failureUrl(String name) {
    String host =
        switch (name) {
          case "busy" -> throttled;
          case "unavailable" -> unavailable;
          case "error" -> broken;
          default -> base;
        };
    return host + "/feeds/" + name + ".xml";
  }

  private List<FeedSpec> feeds() {
    List<FeedSpec> feeds = new ArrayList<>();
    for (String f :
        List.of(
            "/feeds/rss090.xml",
            "/feeds/rss091.xml",
            "/feeds/rss092.xml",
            "/feeds/rss20.xml",
            "/feeds/rdf.xml",
            "/feeds/atom03.xml",
            "/feeds/atom10.xml",
            "/sitemap-news.xml",
            "/sitemap-index.xml",
            "/sitemap-nested.xml",
            "/feeds/google-news.xml",
            "/feeds/google-news-current.xml",
            "/feeds/deflate.xml",
            "/feeds/bom.xml",
            "/feeds/mixed.xml",
            "/feeds/echo.xml",
            "/feeds/flaky.xml",
            "/feeds/empty.xml")) {
      feeds.add(new FeedSpec(base + f, f, "es"));
    }
    FAILURES.keySet().forEach(n -> feeds.add(new FeedSpec(failureUrl(n), n, "es")));
    return feeds;
  }

  /**
   * Exactly our fixture hosts may be reached although on loopback; every other private address
   * stays refused.
   */
  private List<String> exemptions() {
    List<String> out =
        new ArrayList<>(
            List.of("127.0.0.1:" + site.getAddress().getPort(), "news.google.com:" + googlePort));
    others.forEach(o -> out.add("127.0.0.1:" + o.getAddress().getPort()));
    return out;
  }

  private IngestService ingest(String instance) {
    IngestSettings s =
        new IngestSettings(
            feeds(),
            false,
            "Vigia-test/1 (+https://vigia.example/contact)",
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            4 * 1024 * 1024,
            "ingest-it",
            instance,
            exemptions(),
            100,
            Duration.ofSeconds(1),
            HOST_DELAY,
            2,
            4,
            5,
            PageFetcher.defaultTotal(Duration.ofSeconds(2), Duration.ofSeconds(3)),
            Duration.ofDays(30));
    IngestService svc =
        new IngestService(
            s,
            kafka,
            new JsoupArticleExtractor(),
            io.vigia.common.disk.DiskSpaceGuard.none(),
            this::resolve);
    svc.start();
    return svc;
  }

  /** The first instance, running from the start until the restart. */
  private IngestService first;

  /** The instance started over the first one's state, by {@link AfterARestart}. */
  private IngestService second;

  /** Article path to a phrase of its text: every page the site publishes. */
  private Map<String, String> expected;

  /** What the first instance produced, by page path. */
  private final Map<String, RawArticle> byPath = new HashMap<>();

  /**
   * Starts the first instance and collects its articles until one per page arrived (or 90 s
   * passed): the groups below look at what it did, the last one at what a restart does.
   */
  private void startTheFirstInstance() throws IOException {
    expected = publish();
    first = ingest("a");
    try (KafkaConsumer<String, RawArticle> consumer = consumer()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (byPath.size() < expected.size() && System.nanoTime() < deadline) {
        collect(consumer, byPath);
      }
    }
  }

  @Nested
  @Order(1)
  class EveryFormat {
    @Test
    void shouldProduceOneArticlePerPageWhateverFeedListedIt() {
      assertThat(byPath.keySet())
          .as("one article per page, whatever feed listed it")
          .containsExactlyInAnyOrderElementsOf(expected.keySet());
      expected.forEach(
          (path, phrase) -> assertThat(byPath.get(path).getText()).as(path).contains(phrase));
    }

    @Test
    void shouldTakeTheMediaRssThumbnailAsTheLeadImage() {
      assertThat(byPath.get("/a/rss20").getLeadImage())
          .as("Media RSS thumbnail")
          .isEqualTo(base + "/img/rss20.jpg");
    }

    @Test
    void shouldFetchOnceALinkListedTwiceOrWithTrackingParameters() {
      assertThat(hits.get("/a/rss092").get())
          .as("the same link with tracking parameters is one article")
          .isEqualTo(1);
      assertThat(hits.get("/a/rss091").get()).as("listed by two feeds, fetched once").isEqualTo(1);
      assertThat(hits.get("/a/rss20").get()).as("duplicate GUID, fragment link").isEqualTo(1);
    }

    @Test
    void shouldResolveGoogleNewsLinksToThePublisherInBothFormats() {
      assertThat(byPath.get("/a/gn").getUrl())
          .as("Google News link resolved to the publisher")
          .isEqualTo(base + "/a/gn");
      assertThat(byPath.get("/a/gn2").getUrl())
          .as("current Google News link resolved through Google's redirect")
          .isEqualTo(base + "/a/gn2");
      assertThat(hits.get("/a/gn2").get())
          .as("listed by the outlet and through Google News, fetched once")
          .isEqualTo(1);
      assertThat(hits.get("/rss/articles/CBMiVkFVX3lxTE9wYXF1ZQ").get())
          .as("Google asked once where the link leads")
          .isEqualTo(1);
    }
  }

  @Nested
  @Order(2)
  class Failures {
    @Test
    void shouldReportEachFailingFeedOnItsOwnSource() throws InterruptedException {
      Map<String, SourceStatus> sources = awaitFailuresReported(first);
      FAILURES.forEach(
          (name, why) -> {
            assertThat(sources.get(name).state()).as(name).isEqualTo("failing");
            assertThat(sources.get(name).lastError()).as(name).contains(why);
          });
      assertThat(sources.get("error").lastNewItemAt()).isNull();
    }

    @Test
    void shouldRetryAnItemThatFailedOnceAtAPollOfItsFeedThatAnswered304() {
      assertThat(hits.get("/a/flaky").get()).as("failed once (503), retried once").isEqualTo(2);
      List<Long> flakyHits = hitTimes.get("/a/flaky");
      assertThat(notModifiedTimes.getOrDefault("/feeds/flaky.xml", List.of()))
          .as("retried at a poll of its feed that answered 304")
          .anyMatch(t -> t > flakyHits.get(0) && t < flakyHits.get(1));
    }

    @Test
    void shouldReportABrokenItemOnItsFeedAndIngestTheFeedsOtherItems() {
      SourceStatus mixed = awaitSource(first, "/feeds/mixed.xml", st -> st.lastError() != null);
      assertThat(mixed.state()).isIn("ok", "not-modified");
      assertThat(mixed.lastError())
          .as("one item's broken redirect stops no other item")
          .contains("/a/bad-redirect: redirect 302 to a malformed Location");
    }
  }

  @Nested
  @Order(3)
  class Sitemaps {
    @Test
    void shouldAskForASitemapIndexInFullAndForItsSitemapsConditionally() {
      assertThat(conditionalHeaders.get("/sitemap-index.xml"))
          .as(
              "a sitemap index is asked for in full at every poll: its 304 "
                  + "would hide that a sitemap it lists changed")
          .hasSizeGreaterThan(1)
          .containsOnly("-");
      assertThat(conditionalHeaders.get("/sitemaps/2.xml"))
          .as("the sitemaps it lists are polled with their own validators")
          .anyMatch(v -> !v.equals("-"));
    }

    @Test
    void shouldReportANestedIndexThatLoopsBackOrLiesBelowTheDepthLimit() {
      SourceStatus nested = awaitSource(first, "/sitemap-nested.xml", st -> st.lastError() != null);
      assertThat(nested.lastError())
          .as("the loop back to the root index")
          .contains(
              "sitemap "
                  + base
                  + "/sitemap-nested.xml: the index lists itself or an index above it");
      assertThat(nested.lastError())
          .as("the index below the depth limit")
          .contains(
              "sitemap "
                  + base
                  + "/sitemaps/too-deep.xml: an index 3 levels below the configured one is not followed");
      assertThat(hits)
          .as("a sitemap below the depth limit is never asked for")
          .doesNotContainKey("/sitemaps/5.xml");
    }
  }

  @Nested
  @Order(4)
  class SourceHealth {
    @Test
    void shouldSayWhenAFeedLastListedSomethingNew() {
      SourceStatus rss20 = awaitSource(first, "/feeds/rss20.xml", st -> st.lastPoll() != null);
      assertThat(rss20.state()).isIn("ok", "not-modified");
      assertThat(rss20.lastNewItemAt()).as("when it last listed something new").isNotNull();
    }

    @Test
    void shouldKeepWhatTheDocumentSaidWhenItAnswers304() {
      SourceStatus empty =
          awaitSource(first, "/feeds/empty.xml", st -> st.state().equals("not-modified"));
      assertThat(empty.state()).isEqualTo("not-modified");
      assertThat(empty.lastError())
          .as("what the document said still holds when it answers 304")
          .isEqualTo("the feed lists no items");
    }

    @Test
    void shouldCountTheDistinctItemsOfAFeedAsNewToItAlthoughAnotherFeedDeliveredThem() {
      SourceStatus echoFeed = awaitItemsSeen(first, "/feeds/echo.xml", 2);
      assertThat(hits.get("/feeds/echo.xml").get())
          .as("polled again and again")
          .isGreaterThanOrEqualTo(3);
      assertThat(echoFeed.itemsSeen()).as("distinct items, however often listed").isEqualTo(2);
      assertThat(echoFeed.lastNewItemAt())
          .as("new to this feed although another feed delivered them")
          .isNotNull();
      assertThat(echoFeed.articlesProduced()).isZero();
    }

    @Test
    void shouldShowTheSameHealthAsMetrics() throws InterruptedException {
      awaitFailuresReported(first);
      awaitItemsSeen(first, "/feeds/echo.xml", 2);
      assertThat(gauge("vigia.ingest.source.failing", "error")).isEqualTo(1.0);
      assertThat(gauge("vigia.ingest.source.articles", "/feeds/rss20.xml")).isEqualTo(2.0);
      assertThat(gauge("vigia.ingest.source.items.seen", "/feeds/echo.xml")).isEqualTo(2.0);
      assertThat(
              io.vigia.common.metrics.Metrics.registry()
                  .get("vigia.ingest.source.state")
                  .tag("source", "error")
                  .tag("state", "failing")
                  .gauge()
                  .value())
          .isEqualTo(1.0);
    }

    private double gauge(String name, String source) {
      return io.vigia.common.metrics.Metrics.registry()
          .get(name)
          .tag("source", source)
          .gauge()
          .value();
    }
  }

  @Nested
  @Order(5)
  class Politeness {
    /**
     * As the server saw it: never more than 2 at once, and any 10 request starts (redirect hops and
     * robots.txt included) spread over at least 10 delays, less 400 ms for the trip from the
     * client's clock to the server's, which a loaded machine makes uneven.
     */
    @Test
    void shouldKeepTheHostDelayAndTheInFlightCapOnTheMainHost() {
      assertThat(mostInFlight.get()).isLessThanOrEqualTo(2);
      List<Long> starts = new ArrayList<>(requestStarts);
      Collections.sort(starts);
      assertThat(starts.size()).as("requests seen").isGreaterThan(20);
      for (int i = 10; i < starts.size(); i++) {
        assertThat(starts.get(i) - starts.get(i - 10))
            .as("ten request starts apart")
            .isGreaterThanOrEqualTo(HOST_DELAY.toNanos() * 10 - 400_000_000L);
      }
    }
  }

  /**
   * A second instance started over the state the first one persisted continues from it: health,
   * validators, Retry-After and the items it fetched or retried.
   */
  @Nested
  @Order(6)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class AfterARestart {
    private int busyHits;
    private int unavailableHits;
    private int rss20Polls;

    /** The state comes back before the first poll: health figures, validators, the 429's hour. */
    private final Map<String, SourceStatus> restoredByName = new HashMap<>();

    @BeforeAll
    void restart() {
      first.close();
      busyHits = hits.get("/feeds/busy.xml").get();
      unavailableHits = hits.get("/feeds/unavailable.xml").get();
      rss20Polls = conditionalHeaders.get("/feeds/rss20.xml").size();
      second = ingest("b");
      second.sources().forEach(s -> restoredByName.put(s.name(), s));
    }

    @Test
    @Order(1)
    void shouldRestoreEachSourcesHealthBeforeItsFirstPoll() {
      SourceStatus restored = restoredByName.get("/feeds/rss20.xml");
      // rss20 lists /a/rss20 twice (same GUID, a fragment) and /a/script-only: two distinct items
      assertThat(restored.itemsSeen()).as("restored health of %s", restored).isEqualTo(2);
      assertThat(restored.articlesProduced()).isEqualTo(2);
      assertThat(restored.lastNewItemAt()).isNotNull();
      assertThat(restored.pollInterval()).isNotNull();
      assertThat(restoredByName.get("error").errorStreak())
          .as("error streak restored")
          .isGreaterThanOrEqualTo(1);
      assertThat(restoredByName.get("error").nextPollNotBefore())
          .as("next poll restored")
          .isNotNull();
      assertThat(restoredByName.get("unavailable").nextPollNotBefore())
          .as("the 503's Retry-After date restored")
          .isAfter(java.time.Instant.now().plus(Duration.ofMinutes(50)));
    }

    @Test
    @Order(2)
    void shouldPollConditionallyAtOnce() throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (conditionalHeaders.get("/feeds/rss20.xml").size() <= rss20Polls + 1
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      List<String> sent = conditionalHeaders.get("/feeds/rss20.xml");
      assertThat(sent.get(rss20Polls))
          .as("the restarted instance's first poll is conditional")
          .isNotEqualTo("-");
    }

    @Test
    @Order(3)
    void shouldProduceNothingMoreAndFetchNothingAgain() {
      Map<String, RawArticle> again = new HashMap<>();
      try (KafkaConsumer<String, RawArticle> consumer = consumer()) {
        for (int i = 0; i < 10; i++) {
          collect(consumer, again);
        }
      }
      assertThat(again.keySet())
          .as("articles produced")
          .containsExactlyInAnyOrderElementsOf(byPath.keySet());
      assertThat(hits.get("/feeds/busy.xml").get())
          .as("Retry-After: 3600 outlives the restart")
          .isEqualTo(busyHits);
      assertThat(hits.get("/feeds/unavailable.xml").get())
          .as("Retry-After as a date outlives the restart")
          .isEqualTo(unavailableHits);
      assertThat(hits.get("/a/flaky").get()).as("a retried item is not retried again").isEqualTo(2);
      assertThat(hits.get("/a/rss20").get()).as("nothing fetched twice").isEqualTo(1);
    }
  }

  private SourceStatus awaitSource(
      IngestService svc, String name, java.util.function.Predicate<SourceStatus> until) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    SourceStatus s = null;
    while (System.nanoTime() < deadline) {
      s = svc.sources().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
      if (until.test(s)) {
        break;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return s;
  }

  private SourceStatus awaitItemsSeen(IngestService svc, String name, int items) {
    return awaitSource(
        svc, name, s -> s.itemsSeen() >= items && hits.get("/feeds/echo.xml").get() >= 3);
  }

  private Map<String, SourceStatus> awaitFailuresReported(IngestService svc)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Map<String, SourceStatus> byName = new HashMap<>();
    while (System.nanoTime() < deadline) {
      byName.clear();
      svc.sources().forEach(s -> byName.put(s.name(), s));
      if (FAILURES.keySet().stream().allMatch(n -> "failing".equals(byName.get(n).state()))) {
        break;
      }
      Thread.sleep(200);
    }
    return byName;
  }

  private KafkaConsumer<String, RawArticle> consumer() {
    Properties p = kafka.clientProperties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, RawArticle> c =
        new KafkaConsumer<>(p, Topics.KEYS.deserializer(), Topics.RAW.valueSerde().deserializer());
    c.subscribe(List.of(Topics.RAW.name()));
    return c;
  }

  /** Adds what arrived, by page path; a second record for one path fails the test. */
  private void collect(KafkaConsumer<String, RawArticle> consumer, Map<String, RawArticle> byPath) {
    for (ConsumerRecord<String, RawArticle> r : consumer.poll(Duration.ofMillis(300))) {
      String path = java.net.URI.create(r.value().getUrl()).getPath();
      assertThat(byPath.put(path, r.value())).as("a second article for %s", path).isNull();
    }
  }
}
