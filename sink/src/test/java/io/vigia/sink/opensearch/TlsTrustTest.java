package io.vigia.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster certificate signed by a private CA is trusted through {@code sink.opensearch.ca-file},
 * and only then.
 */
class TlsTrustTest {
  @TempDir Path tmp;

  @Test
  void shouldTrustAServerWhoseCertificateTheGivenPemVouchesFor() throws Exception {
    Path keystore = tmp.resolve("server.p12");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(keystore.toFile())) {
      ks.load(in, "changeit".toCharArray());
    }
    Path pem =
        Files.writeString(
            tmp.resolve("ca.pem"),
            "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(ks.getCertificate("server").getEncoded())
                + "\n-----END CERTIFICATE-----\n");

    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext(
        "/",
        ex -> {
          byte[] body = "{\"cluster_name\":\"test\"}".getBytes();
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    try {
      URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
      HttpResponse<String> ok =
          HttpClient.newBuilder()
              .sslContext(TlsTrust.trusting(pem))
              .build()
              .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ok.body()).contains("cluster_name");
      assertThatThrownBy(
              () ->
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(uri).build(),
                          HttpResponse.BodyHandlers.ofString()))
          .as("without the CA file the JVM's default trust store refuses it")
          .isInstanceOf(SSLHandshakeException.class);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void shouldSayWhatIsWrongWithAFileThatHoldsNoCertificate() throws Exception {
    Path notPem = Files.writeString(tmp.resolve("x.pem"), "not a certificate");
    assertThatThrownBy(() -> TlsTrust.trusting(notPem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x.pem");
  }
}
