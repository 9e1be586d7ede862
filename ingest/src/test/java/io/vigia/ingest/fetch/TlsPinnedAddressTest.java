package io.vigia.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https with the address pinned: the fetcher connects to the address it checked, yet TLS must still
 * be about the name in the URL. A loopback https server holds a certificate for {@code
 * news.example} only (made with the JDK's keytool); the resolver answers 127.0.0.1 for every name.
 * The server sees the name as SNI and in the Host header; a URL that names another host at the same
 * address is refused by the certificate check, and the JVM's default trust store does not trust the
 * self-signed certificate at all.
 */
class TlsPinnedAddressTest {
  private static final String NAME = "news.example";
  private static final String PASSWORD = "changeit";

  @TempDir Path dir;

  private HttpsServer server;
  private SSLContext clientTls;
  private final Map<String, String> sniByPath = new ConcurrentHashMap<>();
  private final Map<String, String> hostByPath = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
  private final AtomicInteger answered = new AtomicInteger();

  /** The server name of the last handshake (each test makes one connection). */
  private final AtomicReference<String> sni = new AtomicReference<>();

  private int port;

  @BeforeEach
  void start() throws Exception {
    KeyStore keys = selfSignedKeyStore();
    SSLContext serverTls = SSLContext.getInstance("TLS");
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD.toCharArray());
    serverTls.init(kmf.getKeyManagers(), null, null);

    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("news", keys.getCertificate("news"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusted);
    clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, tmf.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    port = server.getAddress().getPort();
    server.setHttpsConfigurator(
        new HttpsConfigurator(serverTls) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = getSSLContext().getDefaultSSLParameters();
            p.setSNIMatchers(
                List.of(
                    new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                      @Override
                      public boolean matches(SNIServerName name) {
                        sni.set(((SNIHostName) name).getAsciiName());
                        return true; // record, never refuse: the client's certificate check is what
                        // is tested
                      }
                    }));
            params.setSSLParameters(p);
          }
        });
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          hostByPath.put(path, String.valueOf(ex.getRequestHeaders().getFirst("Host")));
          sniByPath.put(path, String.valueOf(sni.get()));
          answered.incrementAndGet();
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          Replies.send(ex, 200, "página segura".getBytes(StandardCharsets.UTF_8));
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /**
   * A PKCS12 key store with one self-signed certificate for {@link #NAME}, made by the JDK's own
   * keytool.
   */
  private KeyStore selfSignedKeyStore()
      throws IOException, InterruptedException, GeneralSecurityException {
    Path store = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "news",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + NAME,
                "-ext",
                "SAN=dns:" + NAME,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(p.exitValue()).as("keytool: %s", new String(out, StandardCharsets.UTF_8)).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    return ks;
  }

  private PageFetcher fetcher(SSLContext tls, String host) {
    HostResolver resolver =
        name -> {
          lookups.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
          return new InetAddress[] {InetAddress.getLoopbackAddress()};
        };
    return PageFetcher.builder(
            "Vigia-test/1", 1 << 20, Duration.ofSeconds(5), Duration.ofSeconds(5))
        .totalTimeout(Duration.ofSeconds(20))
        .exempt(Set.of(host + ":" + port))
        .resolver(resolver)
        .tls(tls)
        .build();
  }

  @Test
  void shouldConnectToTheCheckedAddressWhileSniHostHeaderAndCertificateUseTheName() {
    try (PageFetcher fetcher = fetcher(clientTls, NAME)) {
      FetchResult r = fetcher.fetch("https://" + NAME + ":" + port + "/nota");
      assertThat(r).as("%s", r).isInstanceOf(FetchResult.Fetched.class);
      assertThat(new String(((FetchResult.Fetched) r).body(), StandardCharsets.UTF_8))
          .isEqualTo("página segura");
      assertThat(sniByPath.get("/nota")).as("server name sent in the handshake").isEqualTo(NAME);
      assertThat(hostByPath.get("/nota")).isEqualTo(NAME + ":" + port);
      assertThat(lookups.get(NAME).get())
          .as("looked up once, by our resolver; the client's own refuses")
          .isEqualTo(1);
    }
  }

  @Test
  void shouldRefuseACertificateForAnotherNameAtTheSameAddress() {
    String other = "other.example";
    try (PageFetcher fetcher = fetcher(clientTls, other)) {
      FetchResult r = fetcher.fetch("https://" + other + ":" + port + "/nota");
      assertThat(r).as("%s", r).isInstanceOf(FetchResult.Failed.class);
      assertThat(((FetchResult.Failed) r).reason()).startsWith("TLS failed: ").contains(other);
      assertThat(answered.get()).as("no request sent over a connection to the wrong name").isZero();
    }
  }

  @Test
  void shouldNotTrustASelfSignedCertificateWithTheDefaultTrustStore() {
    try (PageFetcher fetcher = fetcher(null, NAME)) {
      FetchResult r = fetcher.fetch("https://" + NAME + ":" + port + "/nota");
      assertThat(r).as("%s", r).isInstanceOf(FetchResult.Failed.class);
      assertThat(((FetchResult.Failed) r).reason()).startsWith("TLS failed: ");
      assertThat(answered.get()).isZero();
    }
  }
}
