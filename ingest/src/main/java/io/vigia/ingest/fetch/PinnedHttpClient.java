package io.vigia.ingest.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client every fetch goes through, set up for untrusted servers: redirects, retries,
 * decompression, cookies and authentication caching off (each done by hand, or not at all), header
 * lines and counts capped, connect and read timeouts. It connects only to the checked addresses of
 * a {@link PinnedTarget}: the request names the address (an {@link HttpHost} with an address) while
 * the Host header, TLS SNI and certificate check use the name, and its own resolver refuses every
 * lookup, so no code path can connect to an address nobody checked.
 */
final class PinnedHttpClient implements AutoCloseable {
  /** Longest header line and most header fields: an endless header is cut, not buffered. */
  private static final int MAX_HEADER_LINE = 64 * 1024;

  private static final int MAX_HEADERS = 200;

  private final CloseableHttpClient client;
  private final Duration readTimeout;

  /**
   * @param tls what TLS trusts instead of the JVM's default trust store (tests that serve https on
   *     loopback with a certificate of their own); null for the default
   */
  PinnedHttpClient(Duration connectTimeout, Duration readTimeout, SSLContext tls) {
    this.readTimeout = readTimeout;
    this.client =
        HttpClients.custom()
            .setConnectionManager(connectionManager(connectTimeout, readTimeout, tls))
            .disableRedirectHandling() // by hand: every hop is checked
            .disableAutomaticRetries()
            .disableContentCompression() // inflated by BodyReader, under the size cap
            .disableCookieManagement()
            .disableAuthCaching()
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .build();
  }

  private static HttpClientConnectionManager connectionManager(
      Duration connectTimeout, Duration readTimeout, SSLContext tls) {
    PoolingHttpClientConnectionManagerBuilder builder =
        PoolingHttpClientConnectionManagerBuilder.create();
    if (tls != null) {
      // The default hostname verifier stays: the certificate must name the host of the URL, not the
      // address connected to.
      builder.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls));
    }
    return builder
        // Every request names the checked address it connects to; a lookup here would be one nobody
        // checked.
        .setDnsResolver(
            new DnsResolver() {
              @Override
              public InetAddress[] resolve(String host) throws UnknownHostException {
                throw new UnknownHostException("refused unchecked lookup of " + host);
              }

              @Override
              public String resolveCanonicalHostname(String host) throws UnknownHostException {
                throw new UnknownHostException("refused unchecked lookup of " + host);
              }
            })
        .setConnectionFactory(
            ManagedHttpClientConnectionFactory.builder()
                .http1Config(
                    Http1Config.custom()
                        .setMaxLineLength(MAX_HEADER_LINE)
                        .setMaxHeaderCount(MAX_HEADERS)
                        .build())
                .build())
        .setDefaultConnectionConfig(
            ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(readTimeout))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .build())
        .setDefaultSocketConfig(
            SocketConfig.custom().setSoTimeout(Timeout.of(readTimeout)).setTcpNoDelay(true).build())
        .setMaxConnTotal(256)
        .setMaxConnPerRoute(
            64) // the host gate caps requests per host; this only has to be above it
        .build();
  }

  /**
   * Sends {@code get} to each checked address of {@code target} in turn (the first that answers),
   * within the deadline ({@link System#nanoTime()}); the answer's headers are read, its body not.
   */
  CloseableHttpResponse open(HttpGet get, PinnedTarget target, long deadline) throws IOException {
    IOException last = null;
    for (InetAddress a : target.addresses()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      get.setConfig(
          RequestConfig.custom()
              .setResponseTimeout(
                  Timeout.ofMilliseconds(
                      Math.max(1, Math.min(readTimeout.toMillis(), left / 1_000_000))))
              .setConnectionRequestTimeout(Timeout.ofMilliseconds(Math.max(1, left / 1_000_000)))
              .setRedirectsEnabled(false)
              .build());
      try {
        return CloseableHttpResponse.adapt(
            client.executeOpen(
                new HttpHost(target.scheme(), a, target.name(), target.port()), get, null));
      } catch (HttpHostConnectException | ConnectTimeoutException e) {
        last = e; // this address does not answer; the next might
      }
    }
    throw last != null ? last : new IOException("no address left to try before the deadline");
  }

  @Override
  public void close() {
    try {
      client.close(CloseMode.IMMEDIATE);
    } catch (RuntimeException ignored) {
      // closing
    }
  }
}
