package io.vigia.ingest;

import io.micrometer.core.instrument.Counter;
import io.vigia.common.metrics.Metrics;
import io.vigia.common.metrics.SecondsHistogram;
import io.vigia.common.profile.FeedSpec;
import io.vigia.ingest.feed.FeedItem;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends raw articles to {@link Topics#RAW}, and only once the broker has one remembers its page as
 * fetched.
 *
 * <p>Produce first, remember second: the fetched-URL log is written from the send's
 * acknowledgement. Two producers give no order between their topics, so remembering right after
 * {@code send()} could persist the URL while the article still sat in the other producer's buffer,
 * and a kill -9 then would lose it for good. A crash before the acknowledgement refetches the page
 * instead, and enrich drops the repeat by its id. An article the broker refused goes to its feed's
 * retry list.
 */
final class ArticleProducer {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleProducer.class);

  private final Producer<String, RawArticle> producer;
  private final FetchedUrlLog fetched;
  private final FeedStates states;
  private final Duration retryBase;

  private final Counter produced =
      Counter.builder("vigia.ingest.articles.produced")
          .description("Raw articles the broker acknowledged")
          .register(Metrics.registry());
  private final Counter notProduced =
      Counter.builder("vigia.ingest.articles.not.produced")
          .description(
              "Raw articles the broker refused or never acknowledged (fetched again at the next poll)")
          .register(Metrics.registry());
  private final SecondsHistogram publishedToFetched =
      SecondsHistogram.register(
          Metrics.registry(),
          "vigia.freshness.published.to.fetched",
          "Seconds from an article's publication to its fetch",
          SecondsHistogram.FRESHNESS_BUCKETS);

  /**
   * @param retryBase the first wait of an item whose article the broker refused (the poll interval)
   */
  ArticleProducer(
      Producer<String, RawArticle> producer,
      FetchedUrlLog fetched,
      FeedStates states,
      Duration retryBase) {
    this.producer = producer;
    this.fetched = fetched;
    this.states = states;
    this.retryBase = retryBase;
  }

  /**
   * Sends {@code article}, the page of {@code item} (listed by {@code feed} under {@code feedKey}),
   * remembered under {@code urls} once the broker has it.
   */
  void produce(
      RawArticle article, FeedSpec feed, FeedItem item, String feedKey, List<String> urls) {
    fetched.fetching(urls, Instant.now());
    producer.send(
        new ProducerRecord<>(Topics.RAW.name(), article.getId(), article),
        (metadata, error) -> {
          if (error == null) {
            produced.increment(); // counted once the broker has it, not at send()
            urls.forEach(fetched::produced);
          } else {
            notProduced.increment();
            LOG.warn(
                "article {} not produced ({}); it will be fetched again",
                article.getUrl(),
                error.toString());
            urls.forEach(fetched::notProduced);
            states
                .retries(feed.url())
                .failed(item, feedKey, "not produced: " + error, null, Instant.now(), retryBase);
          }
        });
    if (article.getPublishedAt() != null) {
      publishedToFetched.recordBetween(article.getPublishedAt(), article.getFetchedAt());
    }
  }

  /** Waits until every article sent so far is acknowledged or refused. */
  void flush() {
    producer.flush();
  }
}
