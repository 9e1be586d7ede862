package io.vigia.ingest;

import io.vigia.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article URLs ingest fetched, by every instance: kept in memory ({@link SeenUrls}) and in the
 * compacted topic {@link Topics#INGEST_SEEN} (value: the fetch time), so no instance fetches one
 * again within {@code ingest.seen-retention}. Also the claims of the polling threads: feeds are
 * polled in parallel and one article is often listed by several, so one thread claims a URL before
 * fetching it.
 */
final class FetchedUrlLog {
  private static final Logger LOG = LoggerFactory.getLogger(FetchedUrlLog.class);

  private final SeenUrls seen;
  private final Duration retention;
  private final Producer<String, String> producer;
  private final Set<String> claimed = ConcurrentHashMap.newKeySet();

  FetchedUrlLog(Duration retention, Producer<String, String> producer) {
    this.seen = new SeenUrls(retention);
    this.retention = retention;
    this.producer = producer;
  }

  /**
   * A record of the topic: its value must be a fetch time (else {@link IllegalArgumentException}:
   * it is skipped and counted); null is a forgotten URL.
   */
  void learn(String url, String fetchedAt) {
    if (fetchedAt != null) {
      try {
        Instant.parse(fetchedAt);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not a fetch time: " + e.getMessage(), e);
      }
    }
    seen.learn(url, fetchedAt, Instant.now());
  }

  /**
   * Forgets (and deletes from the topic) the URLs fetched longer than {@code ingest.seen-retention}
   * ago.
   */
  void forgetExpired() {
    List<String> gone = seen.expire(Instant.now());
    for (String url : gone) {
      producer.send(new ProducerRecord<>(Topics.INGEST_SEEN.name(), url, null));
    }
    if (!gone.isEmpty()) {
      LOG.info(
          "forgot {} article URLs fetched more than {} ago (ingest.seen-retention)",
          gone.size(),
          retention);
    }
  }

  boolean contains(String url) {
    return seen.contains(url);
  }

  /** URLs remembered now. */
  int size() {
    return seen.size();
  }

  /**
   * Claims {@code url} for this thread; false when another holds it. A claim is released only after
   * the URL is remembered, so whoever claims it next and checks again sees it.
   */
  boolean claim(String url) {
    return claimed.add(url);
  }

  void release(String url) {
    claimed.remove(url);
  }

  /** Remembers {@code url} here and in the topic at once: a page not to fetch again. */
  void remember(String url) {
    seen.add(url, Instant.now());
    persist(url);
  }

  /**
   * Remembers {@code urls} here only, while their article is on its way to the broker: this process
   * does not fetch them again meanwhile. {@link #produced} or {@link #notProduced} follows.
   */
  void fetching(List<String> urls, Instant at) {
    urls.forEach(u -> seen.add(u, at));
  }

  /** The broker has the article: the URL is remembered in the topic too. */
  void produced(String url) {
    persist(url);
  }

  /** The broker refused the article: the URL is forgotten, so the page is fetched again. */
  void notProduced(String url) {
    seen.remove(url);
  }

  private void persist(String url) {
    producer.send(new ProducerRecord<>(Topics.INGEST_SEEN.name(), url, Instant.now().toString()));
  }
}
