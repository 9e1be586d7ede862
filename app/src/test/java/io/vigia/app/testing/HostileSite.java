package io.vigia.app.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback site of hostile feeds and pages, each a source of its own, plus an "internal" server
 * on another port that stands for what must never be reached (a metadata service, an admin page):
 * any request it receives is a failure, and its marker text must never reach the index. Every case
 * says what it attacks and the reason its source must report (a regular expression found in {@code
 * lastError}): the reason names the defence that stopped it, so a case that ends some other way (a
 * timeout where the address guard should have refused) fails.
 */
public final class HostileSite implements AutoCloseable {
  static {
    // The JDK server writes headers and body in separate small segments; without TCP_NODELAY
    // the client's delayed ACK adds ~40 ms to every response. Read once, before the first server.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Text only the internal server and local files hold; must never be indexed. */
  public static final String INTERNAL_MARKER = "INTERNAL-ONLY-7f3a";

  /**
   * One hostile source: a feed URL path on this site, what it attacks, and what its source must
   * report (null: the control).
   */
  public record Case(
      String name, String feedPath, String attack, java.util.regex.Pattern expected) {}

  /** Where a reason is not given with the case itself. */
  private static final Map<String, String> EXPECTED =
      Map.ofEntries(
          Map.entry("xxe-file", "not a readable feed.*DOCTYPE"),
          Map.entry("xxe-parameter", "not a readable feed.*DOCTYPE"),
          // a DOCTYPE without internal subset is blanked out (old RSS 0.91 feeds carry one), never
          // fetched
          Map.entry("xxe-external-dtd", "the feed lists no items"),
          Map.entry("xxe-atom", "not a readable feed.*DOCTYPE"),
          Map.entry("xxe-rdf", "not a readable feed.*DOCTYPE"),
          Map.entry("billion-laughs", "not a readable feed.*DOCTYPE"),
          Map.entry("quadratic-blowup", "not a readable feed.*DOCTYPE"),
          Map.entry(
              "xinclude",
              "none/xi: HTTP 404"), // not included: the item is read as written and its link leads
          // nowhere
          Map.entry("deep-nesting", "nested more than 256 deep"),
          Map.entry("gzip-bomb-feed", "decompressed body \\(gzip\\) larger than"),
          Map.entry("huge-feed", "^body larger than"),
          Map.entry("slow-feed", "slow or endless body"),
          Map.entry("slow-headers", "timed out after"),
          Map.entry("gzip-stall", "slow or endless body|timed out after"),
          Map.entry("redirect-loop", "more than 5 redirects"),
          Map.entry("redirect-chain", "more than 5 redirects"),
          Map.entry(
              "file-links",
              "5 of 5 new items not ingested \\(first: file:///etc/passwd: not an http\\(s\\) article URL"),
          Map.entry("redirect-to-file", "refused scheme 'file'"),
          Map.entry("invalid-utf8", "the feed lists no items"),
          Map.entry("nul-bytes", "not a readable feed"),
          Map.entry("html-not-feed", "not a readable feed"),
          Map.entry("truncated", "not a readable feed"),
          Map.entry("empty", "not a readable feed"),
          Map.entry("binary-feed", "not a readable feed"),
          Map.entry("huge-items", "only the newest 1000 are read"),
          Map.entry("length-lie", "Premature end of Content-Length"),
          Map.entry("page-100mb", "page-100mb.html: body larger than"),
          Map.entry(
              "page-gzip-bomb", "page-gzip-bomb.html: decompressed body \\(gzip\\) larger than"),
          Map.entry("page-slow", "page-slow.html: body not complete .* \\(slow or endless body\\)"),
          Map.entry(
              "page-one-line",
              "page-one-line.html: not an article: \\d+ characters of text, more than any article"),
          Map.entry("page-script-only", "page-script-only.html: not an article"),
          Map.entry("page-binary", "page-binary.html: not an article: binary content"),
          Map.entry("page-nul", "page-nul.html: not an article"),
          Map.entry("page-wrong-charset", "page-wrong-charset.html: not an article"));

  private final HttpServer site;
  private final HttpServer internal;
  private final AtomicInteger internalHits = new AtomicInteger();
  private final Map<String, Handler> routes = new LinkedHashMap<>();
  private final List<Case> cases = new ArrayList<>();
  private final byte[] gzipBomb;

  @FunctionalInterface
  private interface Handler {
    void handle(HttpExchange ex) throws Exception;
  }

  public HostileSite() throws IOException {
    gzipBomb = gzipOfZeros(1L << 30); // 1 GiB of zeros in ~1 MB
    internal = HttpServer.create(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0), 16);
    internal.createContext(
        "/",
        ex -> {
          internalHits.incrementAndGet();
          send(
              ex,
              200,
              "text/html",
              ("<html><body><article><h1>"
                      + INTERNAL_MARKER
                      + "</h1><p>"
                      + INTERNAL_MARKER
                      + " credentials</p></article></body></html>")
                  .getBytes(StandardCharsets.UTF_8));
        });
    internal.start();
    site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    site.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "hostile-site");
              t.setDaemon(true);
              return t;
            }));
    site.createContext(
        "/",
        ex -> {
          Handler h = routes.get(ex.getRequestURI().getPath());
          try {
            if (h == null) {
              send(ex, 404, "text/plain", new byte[0]);
            } else {
              h.handle(ex);
            }
          } catch (Exception e) {
            // the client gave up (timeouts, size caps): expected for several cases
          } finally {
            ex.close();
          }
        });
    site.start();
    define();
  }

  private void define() {
    int ip = internal.getAddress().getPort();
    String good =
        page(
            "Elecciones en Venezuela: el CNE publica el cronograma",
            "El Consejo Nacional Electoral de Venezuela publicó el cronograma de las elecciones presidenciales. "
                + "Los partidos de la oposición y del gobierno inscribirán a sus candidatos en julio.");
    routes.put(
        "/good.html",
        ex -> send(ex, 200, "text/html; charset=utf-8", good.getBytes(StandardCharsets.UTF_8)));
    feed(
        "control",
        "/feed/control.xml",
        "a well-formed feed with one good article (the control)",
        List.of(base() + "/good.html"));

    xml(
        "xxe-file",
        "XXE: external entity reading a local file",
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>t</title>"
            + "<item><title>&x;</title><link>"
            + base()
            + "/none/xxe</link><description>&x;</description></item></channel></rss>");
    xml(
        "xxe-parameter",
        "XXE: parameter entity and an external DTD on the internal server",
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY % d SYSTEM \"http://127.0.0.1:"
            + ip
            + "/evil.dtd\"> %d;]><rss version=\"2.0\">"
            + "<channel><title>t</title></channel></rss>");
    xml(
        "xxe-external-dtd",
        "XXE: external DOCTYPE SYSTEM id on the internal server",
        "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"http://127.0.0.1:"
            + ip
            + "/rss.dtd\"><rss version=\"2.0\"><channel><title>t</title></channel></rss>");
    xml(
        "xxe-atom",
        "XXE inside an Atom feed",
        "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><feed xmlns=\"http://www.w3.org/2005/Atom\">"
            + "<title>&x;</title><entry><title>&x;</title><link href=\""
            + base()
            + "/none/atom\"/></entry></feed>");
    xml(
        "xxe-rdf",
        "XXE inside an RSS 1.0 (RDF) feed",
        "<?xml version=\"1.0\"?><!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
            + "xmlns=\"http://purl.org/rss/1.0/\"><channel><title>&x;</title></channel></rdf:RDF>");
    xml(
        "billion-laughs",
        "exponential entity expansion",
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\"><!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
            + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\"><!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
            + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
    String big = "A".repeat(100_000);
    xml(
        "quadratic-blowup",
        "one large entity referenced many times",
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \""
            + big
            + "\">]><rss version=\"2.0\"><channel><title>"
            + "&a;".repeat(5000)
            + "</title></channel></rss>");
    xml(
        "xinclude",
        "XInclude of a local file",
        "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><channel><title>t</title><item><title>x</title>"
            + "<link>"
            + base()
            + "/none/xi</link><description><xi:include href=\"file:///etc/passwd\" parse=\"text\"/></description></item></channel></rss>");
    String deep = "<a>".repeat(200_000) + "</a>".repeat(200_000);
    xml(
        "deep-nesting",
        "200,000 nested elements (stack exhaustion)",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><description>"
            + deep
            + "</description></channel></rss>");
    route(
        "gzip-bomb-feed",
        "a gzip-encoded feed that inflates to 1 GiB",
        ex -> {
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          send(ex, 200, "application/rss+xml", gzipBomb);
        });
    route(
        "gzip-stall",
        "a gzip-encoded feed whose headers come and then not one byte: not even the gzip header",
        ex -> {
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
          ex.sendResponseHeaders(200, 0);
          ex.getResponseBody().flush();
          Thread.sleep(600_000);
        });
    route(
        "huge-feed",
        "a 100 MB feed body",
        ex ->
            stream(
                ex,
                "application/rss+xml",
                100L << 20,
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><description>"
                    .getBytes(StandardCharsets.UTF_8)));
    route(
        "slow-feed",
        "an endless body trickling one byte a second",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          OutputStream out = ex.getResponseBody();
          out.write(
              "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                  .getBytes(StandardCharsets.UTF_8));
          while (true) {
            out.write(' ');
            out.flush();
            Thread.sleep(1000);
          }
        });
    route("slow-headers", "a server that accepts and never answers", ex -> Thread.sleep(600_000));
    route(
        "redirect-loop",
        "a redirect loop",
        ex -> redirect(ex, base() + "/feed/redirect-loop-b.xml"));
    routes.put("/feed/redirect-loop-b.xml", ex -> redirect(ex, base() + "/feed/redirect-loop.xml"));
    route("redirect-chain", "a chain of 50 redirects", ex -> redirect(ex, base() + "/hop/1"));
    for (int i = 1; i <= 50; i++) {
      int next = i + 1;
      routes.put("/hop/" + i, ex -> redirect(ex, base() + "/hop/" + next));
    }
    String[] internalHosts = {
      "127.0.0.1",
      "2130706433",
      "0177.0.0.1",
      "0x7f.0.0.1",
      "0x7f000001",
      "127.1",
      "[::ffff:127.0.0.1]",
      "[::ffff:7f00:1]",
      "[::1]",
      "localhost",
      "169.254.169.254",
      "[fd00::1]",
      "10.0.0.1",
      "0.0.0.0"
    };
    Map<String, String> refusals =
        Map.ofEntries(
            Map.entry("127.0.0.1", "refused loopback address 127\\.0\\.0\\.1"),
            Map.entry("2130706433", "refused non-canonical numeric host '2130706433'"),
            Map.entry("0177.0.0.1", "refused non-canonical numeric host '0177\\.0\\.0\\.1'"),
            Map.entry("0x7f.0.0.1", "refused non-canonical numeric host '0x7f\\.0\\.0\\.1'"),
            Map.entry("0x7f000001", "refused non-canonical numeric host '0x7f000001'"),
            Map.entry("127.1", "refused non-canonical numeric host '127\\.1'"),
            Map.entry("[::ffff:127.0.0.1]", "refused loopback address 127\\.0\\.0\\.1"),
            Map.entry("[::ffff:7f00:1]", "refused loopback address 127\\.0\\.0\\.1"),
            Map.entry("[::1]", "refused loopback address 0:0:0:0:0:0:0:1"),
            Map.entry("localhost", "refused loopback address"),
            Map.entry("169.254.169.254", "refused link-local address .*169\\.254\\.169\\.254"),
            Map.entry("[fd00::1]", "refused unique-local address fd00:0:0:0:0:0:0:1"),
            Map.entry("10.0.0.1", "refused private address 10\\.0\\.0\\.1"),
            Map.entry("0.0.0.0", "refused unspecified address 0\\.0\\.0\\.0"));
    for (String host : internalHosts) {
      String target = "http://" + host + ":" + ip + "/latest/meta-data/";
      String slug = host.replaceAll("[^0-9a-zA-Z]+", "-").replaceAll("^-|-$", "");
      route(
          "redirect-to-" + slug,
          "a feed redirecting to an internal address written as " + host,
          refusals.get(host),
          ex -> redirect(ex, target));
      // as links, 0x7f.0.0.1 and 127.1 are not even URLs with a host to the canonical-URL step,
      // which comes first
      String linkRefusal =
          host.equals("0x7f.0.0.1") || host.equals("127.1")
              ? "not an http\\(s\\) article URL"
              : refusals.get(host);
      feed(
          "link-to-" + slug,
          "/feed/link-to-" + slug + ".xml",
          "a feed item linking to an internal address written as " + host,
          "1 of 1 new items not ingested \\(first: .*: " + linkRefusal,
          List.of(target));
    }
    feed(
        "file-links",
        "/feed/file-links.xml",
        "items linking to file:, ftp:, gopher:, javascript: and data: URLs",
        List.of(
            "file:///etc/passwd",
            "ftp://127.0.0.1/x",
            "gopher://127.0.0.1:" + ip + "/_x",
            "javascript:alert(1)",
            "data:text/html,<h1>x</h1>"));
    routes.put("/to-file", ex -> redirect(ex, "file:///etc/passwd"));
    feed(
        "redirect-to-file",
        "/feed/redirect-to-file.xml",
        "an article redirecting to a local file",
        List.of(base() + "/to-file"));
    routes.put(
        "/invalid-utf8",
        ex ->
            send(
                ex,
                200,
                "application/rss+xml; charset=utf-8",
                concat(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>"
                        .getBytes(StandardCharsets.UTF_8),
                    new byte[] {
                      (byte) 0xC3,
                      (byte) 0x28,
                      (byte) 0xFF,
                      (byte) 0xFE,
                      (byte) 0xED,
                      (byte) 0xA0,
                      (byte) 0x80
                    },
                    "</title></channel></rss>".getBytes(StandardCharsets.UTF_8))));
    cases.add(
        new Case(
            "invalid-utf8",
            "/invalid-utf8",
            "invalid UTF-8 sequences in a feed declared UTF-8",
            pattern("invalid-utf8", EXPECTED.get("invalid-utf8"))));
    xml(
        "nul-bytes",
        "NUL bytes inside a feed",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>a\u0000b</title>\u0000</channel></rss>");
    route(
        "html-not-feed",
        "an HTML page where a feed should be",
        ex -> send(ex, 200, "application/rss+xml", good.getBytes(StandardCharsets.UTF_8)));
    route(
        "truncated",
        "a feed cut off in the middle",
        ex ->
            send(
                ex,
                200,
                "application/rss+xml",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>x"
                    .getBytes(StandardCharsets.UTF_8)));
    route(
        "empty", "an empty 200 response", ex -> send(ex, 200, "application/rss+xml", new byte[0]));
    route(
        "binary-feed",
        "random bytes served as a feed",
        ex -> send(ex, 200, "application/rss+xml", random(64 * 1024)));
    route(
        "huge-items",
        "a feed of 100,000 items",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 100_000; i++) {
              out.write(
                  ("<item><title>n"
                          + i
                          + "</title><link>"
                          + base()
                          + "/none/"
                          + i
                          + "</link></item>")
                      .getBytes(StandardCharsets.UTF_8));
            }
            out.write("</channel></rss>".getBytes(StandardCharsets.UTF_8));
          }
        });
    route(
        "length-lie",
        "Content-Length larger than the body sent",
        ex -> {
          ex.sendResponseHeaders(200, 1_000_000);
          ex.getResponseBody()
              .write("<?xml version=\"1.0\"?><rss".getBytes(StandardCharsets.UTF_8));
          ex.getResponseBody().flush();
        });

    // Hostile article pages behind an otherwise normal feed item.
    pageCase(
        "page-100mb",
        "a 100 MB article page",
        ex ->
            stream(
                ex, "text/html", 100L << 20, "<html><body><p>".getBytes(StandardCharsets.UTF_8)));
    pageCase(
        "page-gzip-bomb",
        "an article page that inflates to 1 GiB",
        ex -> {
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          send(ex, 200, "text/html", gzipBomb);
        });
    pageCase(
        "page-slow",
        "an article page that never finishes",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          OutputStream out = ex.getResponseBody();
          while (true) {
            out.write("<p>x".getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(1000);
          }
        });
    // Under the 10 MB body cap, so it is parsed: the extractor reads 9 MB of text on one line
    pageCase(
        "page-one-line",
        "a 9 MB page on a single line",
        ex ->
            send(
                ex,
                200,
                "text/html",
                ("<html><body><p>" + "palabra ".repeat(9 * 1024 * 1024 / 8) + "</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8)));
    pageCase(
        "page-script-only",
        "a page that is only scripts",
        ex ->
            send(
                ex,
                200,
                "text/html",
                ("<html><head><script>"
                        + "var a=1;".repeat(50_000)
                        + "</script></head><body><script>document.write('x')</script></body></html>")
                    .getBytes(StandardCharsets.UTF_8)));
    pageCase(
        "page-binary",
        "binary bytes served as text/html",
        ex -> send(ex, 200, "text/html", random(512 * 1024)));
    pageCase(
        "page-nul",
        "NUL bytes through a page",
        ex ->
            send(
                ex,
                200,
                "text/html",
                ("<html><body><article><h1>t\u0000</h1>"
                        + "<p>\u0000\u0000</p>".repeat(10_000)
                        + "</article></body></html>")
                    .getBytes(StandardCharsets.UTF_8)));
    pageCase(
        "page-wrong-charset",
        "UTF-16 bytes (no BOM) declared as UTF-8",
        ex -> send(ex, 200, "text/html; charset=utf-8", good.getBytes(StandardCharsets.UTF_16LE)));
  }

  private static String page(String title, String text) {
    return "<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title>"
        + "<meta property=\"article:published_time\" content=\"2024-07-02T10:00:00Z\"></head><body><article><h1>"
        + title
        + "</h1><p>"
        + text
        + "</p><p>"
        + text
        + "</p><p>"
        + text
        + "</p></article></body></html>";
  }

  private void xml(String name, String attack, String body) {
    route(
        name,
        attack,
        ex -> send(ex, 200, "application/rss+xml", body.getBytes(StandardCharsets.UTF_8)));
  }

  private void route(String name, String attack, Handler h) {
    route(name, attack, EXPECTED.get(name), h);
  }

  private void route(String name, String attack, String expected, Handler h) {
    String path = "/feed/" + name + ".xml";
    routes.put(path, h);
    cases.add(new Case(name, path, attack, pattern(name, expected)));
  }

  private void pageCase(String name, String attack, Handler h) {
    String pagePath = "/page/" + name + ".html";
    routes.put(pagePath, h);
    feed(name, "/feed/" + name + ".xml", attack, EXPECTED.get(name), List.of(base() + pagePath));
  }

  private static java.util.regex.Pattern pattern(String name, String expected) {
    if (expected == null) {
      throw new IllegalStateException(
          "hostile case " + name + " says nothing about the reason it must end with");
    }
    return java.util.regex.Pattern.compile(expected);
  }

  private void feed(String name, String path, String attack, List<String> links) {
    feed(name, path, attack, EXPECTED.get(name), links);
  }

  private void feed(String name, String path, String attack, String expected, List<String> links) {
    StringBuilder sb =
        new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>")
            .append(name)
            .append("</title><link>")
            .append(base())
            .append("/</link><description>d</description>");
    int i = 0;
    for (String link : links) {
      sb.append("<item><title>Item ")
          .append(i++)
          .append("</title><link>")
          .append(link.replace("&", "&amp;"))
          .append("</link><pubDate>Tue, 02 Jul 2024 10:00:00 GMT</pubDate></item>");
    }
    byte[] body = sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    routes.put(path, ex -> send(ex, 200, "application/rss+xml", body));
    cases.add(
        new Case(name, path, attack, name.equals("control") ? null : pattern(name, expected)));
  }

  private static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    ex.sendResponseHeaders(302, -1);
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void stream(HttpExchange ex, String type, long total, byte[] head)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(200, 0);
    byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(head);
      for (long sent = head.length; sent < total; sent += chunk.length) {
        out.write(chunk);
      }
    }
  }

  private static byte[] gzipOfZeros(long size) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      byte[] zeros = new byte[1 << 20];
      for (long done = 0; done < size; done += zeros.length) {
        gz.write(zeros);
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new java.util.Random(42).nextBytes(b);
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  public String base() {
    return "http://127.0.0.1:" + site.getAddress().getPort();
  }

  /** host:port of this site, the one private address ingest is allowed to fetch in the test. */
  public String hostPort() {
    return "127.0.0.1:" + site.getAddress().getPort();
  }

  /** Every hostile source (and the control), in order. */
  public List<Case> cases() {
    return List.copyOf(cases);
  }

  /** Requests that reached the internal server: must stay zero. */
  public int internalHits() {
    return internalHits.get();
  }

  /** A config snippet listing every case as a feed. */
  public String feedsYaml() {
    StringBuilder sb = new StringBuilder("feeds:\n");
    for (Case c : cases) {
      sb.append("  - url: ")
          .append(base())
          .append(c.feedPath())
          .append("\n    name: ")
          .append(c.name())
          .append('\n');
    }
    return sb.toString();
  }

  @Override
  public void close() {
    site.stop(0);
    internal.stop(0);
  }
}
