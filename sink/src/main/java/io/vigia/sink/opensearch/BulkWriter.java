package io.vigia.sink.opensearch;

import static io.vigia.sink.opensearch.OpenSearchHttp.abbreviate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.http.Json;
import io.vigia.search.ArticleDocument;
import io.vigia.sink.index.IndexUnavailableException;
import io.vigia.sink.index.WriteOutcome;
import io.vigia.sink.opensearch.OpenSearchHttp.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch as bulk requests bounded by count and bytes. Items the cluster throttles (429) or
 * fails on (5xx) are retried with backoff, items it rejects for their content (4xx, e.g. mapping
 * errors) are reported as rejected, and a cluster that is unreachable or keeps refusing makes
 * {@link #write} throw {@link IndexUnavailableException} so the sink pauses without committing
 * offsets.
 */
final class BulkWriter {
  private static final int MAX_ID_BYTES = 512;

  private final OpenSearchHttp http;
  private final OpenSearchSettings settings;

  BulkWriter(OpenSearchHttp http, OpenSearchSettings settings) {
    this.http = http;
    this.settings = settings;
  }

  WriteOutcome write(List<ArticleDocument> documents) throws IndexUnavailableException {
    Map<String, ArticleDocument> pending = new LinkedHashMap<>();
    List<WriteOutcome.Rejected> rejected = new ArrayList<>();
    for (ArticleDocument d : documents) {
      if (d.id() == null
          || d.id().isEmpty()
          || d.id().getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
        // OpenSearch would fail the whole bulk request for it, so it is rejected here, alone
        rejected.add(
            new WriteOutcome.Rejected(
                d.id(), "document id is empty or longer than " + MAX_ID_BYTES + " bytes"));
      } else {
        pending.put(d.id(), d); // the last write of an id wins, as in Lucene
      }
    }
    int written = 0;
    long backoff = 100;
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt > 0) {
        if (attempt > settings.maxRetries()) {
          throw new IndexUnavailableException(
              "OpenSearch kept refusing " + pending.size() + " documents (429/5xx)", null);
        }
        sleep(backoff);
        backoff = Math.min(backoff * 2, 5_000);
      }
      Map<String, ArticleDocument> retry = new LinkedHashMap<>();
      for (List<ArticleDocument> chunk : chunks(new ArrayList<>(pending.values()))) {
        JsonNode items = bulk(chunk);
        for (JsonNode item : items) {
          JsonNode r = item.path("index");
          String id = r.path("_id").asText();
          int status = r.path("status").asInt();
          if (status >= 200 && status < 300) {
            written++;
          } else if (status == 429 || status >= 500) {
            retry.put(id, pending.get(id));
          } else {
            rejected.add(
                new WriteOutcome.Rejected(
                    id,
                    "OpenSearch "
                        + status
                        + ": "
                        + r.path("error").path("type").asText()
                        + ": "
                        + r.path("error").path("reason").asText()));
          }
        }
      }
      pending = retry;
    }
    return new WriteOutcome(written, rejected);
  }

  /**
   * Splits a batch into bulk requests of at most {@code bulkMaxDocs} documents and about {@code
   * bulkMaxBytes}.
   */
  private List<List<ArticleDocument>> chunks(List<ArticleDocument> docs) {
    List<List<ArticleDocument>> out = new ArrayList<>();
    List<ArticleDocument> cur = new ArrayList<>();
    long bytes = 0;
    for (ArticleDocument d : docs) {
      long size = approxBytes(d);
      if (!cur.isEmpty()
          && (cur.size() >= settings.bulkMaxDocs() || bytes + size > settings.bulkMaxBytes())) {
        out.add(cur);
        cur = new ArrayList<>();
        bytes = 0;
      }
      cur.add(d);
      bytes += size;
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }

  private static long approxBytes(ArticleDocument d) {
    return 2L * (len(d.text()) + len(d.title()) + len(d.description())) + 1024;
  }

  private static int len(String s) {
    return s == null ? 0 : s.length();
  }

  /** One bulk request, its items' results; no chunking, retries or outcome checks. */
  JsonNode bulk(List<ArticleDocument> chunk) throws IndexUnavailableException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (ArticleDocument d : chunk) {
        ObjectNode action = Json.MAPPER.createObjectNode();
        action.putObject("index").put("_id", d.id());
        body.write(Json.MAPPER.writeValueAsBytes(action));
        body.write('\n');
        body.write(Json.MAPPER.writeValueAsBytes(IndexedArticle.toSource(d)));
        body.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Reply reply;
    try {
      reply =
          http.call(
              "POST",
              "/" + settings.index() + "/_bulk",
              Map.of(),
              body.toByteArray(),
              "application/x-ndjson");
    } catch (IOException | RuntimeException e) {
      throw new IndexUnavailableException(
          "OpenSearch unreachable at " + settings.url() + ": " + e.getMessage(), e);
    }
    if (reply.status() == 429 || reply.status() >= 500) {
      throw new IndexUnavailableException(
          "OpenSearch bulk answered " + reply.status() + ": " + abbreviate(reply.body()), null);
    }
    if (reply.status() >= 300) {
      throw new IllegalStateException(
          "OpenSearch bulk answered " + reply.status() + ": " + abbreviate(reply.body()));
    }
    try {
      return Json.MAPPER.readTree(reply.body()).path("items");
    } catch (IOException e) {
      throw new IndexUnavailableException("unreadable bulk response: " + e.getMessage(), e);
    }
  }

  private static void sleep(long ms) throws IndexUnavailableException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexUnavailableException("interrupted while backing off", e);
    }
  }
}
