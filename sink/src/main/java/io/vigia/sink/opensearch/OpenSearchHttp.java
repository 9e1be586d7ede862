package io.vigia.sink.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * The connection to the cluster: the client set up from the settings (credentials, a private CA)
 * and plain JSON calls over it that return every HTTP answer as a {@link Reply}, leaving to the
 * caller whether a status means retry, pause or reject. Only refused credentials throw here: they
 * are a setup error with a fix.
 */
final class OpenSearchHttp implements AutoCloseable {
  private final OpenSearchSettings settings;
  private final OpenSearchTransport transport;
  private final OpenSearchGenericClient http;

  OpenSearchHttp(OpenSearchSettings settings) {
    this.settings = settings;
    URI uri = URI.create(settings.url());
    HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort());
    ApacheHttpClient5TransportBuilder b = ApacheHttpClient5TransportBuilder.builder(host);
    b.setHttpClientConfigCallback(
        hc -> {
          if (settings.username() != null && !settings.username().isEmpty()) {
            BasicCredentialsProvider creds = new BasicCredentialsProvider();
            creds.setCredentials(
                new AuthScope(host),
                new UsernamePasswordCredentials(
                    settings.username(),
                    settings.password() == null ? new char[0] : settings.password().toCharArray()));
            hc.setDefaultCredentialsProvider(creds);
          }
          if (settings.caFile() != null) {
            hc.setConnectionManager(
                PoolingAsyncClientConnectionManagerBuilder.create()
                    .setTlsStrategy(
                        ClientTlsStrategyBuilder.create()
                            .setSslContext(TlsTrust.trusting(settings.caFile()))
                            .build())
                    .build());
          }
          return hc;
        });
    transport = b.build();
    http = new OpenSearchClient(transport).generic();
  }

  /** The cluster's address, for messages. */
  String url() {
    return settings.url();
  }

  /** A call whose transport failure is unchecked: for readers, whose callers cannot pause. */
  Reply callUnchecked(String method, String path, Map<String, String> params, byte[] body) {
    try {
      return call(method, path, params, body);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "OpenSearch " + method + " " + path + " failed: " + e.getMessage(), e);
    }
  }

  Reply call(String method, String path, Map<String, String> params, byte[] body)
      throws IOException {
    return call(method, path, params, body, "application/json");
  }

  Reply call(String method, String path, Map<String, String> params, byte[] body, String type)
      throws IOException {
    Body b = body == null ? null : Body.from(body, type);
    try (Response r =
        http.execute(Requests.create(method, path, List.of(), new HashMap<>(params), b))) {
      String text = r.getBody().map(Body::bodyAsString).orElse("");
      return new Reply(r.getStatus(), text);
    } catch (IOException e) {
      // The transport throws for some statuses (401, 403, 429, 502-504 after its own retries),
      // wrapped, instead of returning them: they are answers, and the callers decide (retry,
      // pause, reject). Refused credentials are a setup error with a fix.
      ResponseException answer = responseIn(e);
      if (answer == null) {
        throw e;
      }
      if (answer.status() == 401 || answer.status() == 403) {
        throw new IllegalStateException(
            "OpenSearch at "
                + settings.url()
                + " refused "
                + method
                + " "
                + path
                + " with HTTP "
                + answer.status()
                + (answer.status() == 401
                    ? ": wrong or missing credentials; check sink.opensearch.username and sink.opensearch.password-file"
                    : ": the user lacks a permission for it; grant it in the cluster's security roles")
                + " (VIGIA_SINK_OPENSEARCH_USERNAME, VIGIA_SINK_OPENSEARCH_PASSWORD)",
            e);
      }
      return new Reply(answer.status(), answer.getMessage());
    }
  }

  private static ResponseException responseIn(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ResponseException r) {
        return r;
      }
    }
    return null;
  }

  static String abbreviate(String s) {
    return s.length() > 500 ? s.substring(0, 500) + "…" : s;
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }

  /** One HTTP answer: its status and body. */
  record Reply(int status, String body) {
    void requireOk(String what) {
      if (status < 200 || status >= 300) {
        throw new IllegalStateException(
            "OpenSearch " + what + " answered " + status + ": " + abbreviate(body));
      }
    }

    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
