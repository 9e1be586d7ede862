package io.vigia.ingest.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback farm of synthetic feeds for {@link FeedPollBenchmark}: {@code /feed/N} is an RSS 2.0
 * feed of 20 items with an ETag. One feed in {@code changeEvery} gets a new item on every request
 * (a new ETag); the others answer 304 to a matching If-None-Match. Usage: {@code FeedFarm PORT_FILE
 * CHANGE_EVERY}; writes the port it listens on to PORT_FILE.
 */
public final class FeedFarm {
  public static void main(String[] args) throws IOException {
    Path portFile = Path.of(args[0]);
    int changeEvery = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    AtomicLong version = new AtomicLong();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/feed/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          int n = Integer.parseInt(path.substring("/feed/".length()));
          boolean changing = n % changeEvery == 0;
          long v = changing ? version.incrementAndGet() : 0;
          String etag = "\"f" + n + "-" + v + "\"";
          if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
          }
          StringBuilder sb = new StringBuilder(8192);
          sb.append(
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Feed ")
              .append(n)
              .append("</title><link>https://outlet")
              .append(n)
              .append(".example/</link><description>d</description>");
          for (long i = v; i > v - 20; i--) {
            sb.append("<item><title>Noticia ")
                .append(i)
                .append(" del CNE</title><link>https://outlet")
                .append(n)
                .append(".example/politica/")
                .append(i)
                .append("?utm_source=rss</link><guid>")
                .append(n)
                .append('-')
                .append(i)
                .append(
                    "</guid><pubDate>Sun, 22 Nov 2026 10:00:00 GMT</pubDate><description>Resumen de la noticia ")
                .append(i)
                .append(" sobre la jornada electoral.</description></item>");
          }
          sb.append("</channel></rss>");
          byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("ETag", etag);
          ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    Files.writeString(portFile, Integer.toString(server.getAddress().getPort()));
  }
}
