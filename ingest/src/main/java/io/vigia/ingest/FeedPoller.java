package io.vigia.ingest;

import io.vigia.common.profile.FeedSpec;
import io.vigia.common.url.CanonicalUrl;
import io.vigia.ingest.feed.FeedDocument;
import io.vigia.ingest.feed.FeedItem;
import io.vigia.ingest.feed.FeedItemMemory;
import io.vigia.ingest.feed.FeedPollState;
import io.vigia.ingest.feed.FeedReader;
import io.vigia.ingest.feed.GoogleNewsLink;
import io.vigia.ingest.feed.ItemRetries;
import io.vigia.ingest.fetch.FetchResult;
import io.vigia.ingest.fetch.PageFetcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: fetches its document (conditionally), reads its items (through a sitemap index's
 * sitemaps when it is one), ingests each item the feed has not listed before and the items whose
 * retry is due, settles what became of each, then updates the source's health and persists the
 * feed's state.
 */
final class FeedPoller {
  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  private final PageFetcher fetcher;
  private final FeedReader reader = new FeedReader();
  private final SitemapIndexWalk sitemaps;
  private final ItemIngestion items;
  private final ArticleProducer articles;
  private final FeedStates states;
  private final SourceStatuses sources;
  private final FeedStateLog log;
  private final Predicate<FeedSpec> stillOurs;
  private final Duration pollInterval;
  private final Duration maxPollInterval;
  private final int maxItemsPerFeed;

  /**
   * @param stillOurs whether this instance still polls the feed: checked before each item, not once
   *     per poll, since when another instance joins the feeds handed to it move in the middle of
   *     our polls, and a poll that went on to its last item would fetch what the new owner,
   *     starting that feed afresh, fetches too
   */
  FeedPoller(
      IngestSettings settings,
      PageFetcher fetcher,
      ItemIngestion items,
      ArticleProducer articles,
      FeedStates states,
      SourceStatuses sources,
      FeedStateLog log,
      Predicate<FeedSpec> stillOurs) {
    this.fetcher = fetcher;
    this.items = items;
    this.articles = articles;
    this.states = states;
    this.sources = sources;
    this.log = log;
    this.stillOurs = stillOurs;
    this.pollInterval = settings.pollInterval();
    this.maxPollInterval = settings.maxPollInterval();
    this.maxItemsPerFeed = settings.maxItemsPerFeed();
    this.sitemaps =
        new SitemapIndexWalk(
            fetcher, reader, states, log, settings.maxSitemapsPerIndex(), pollInterval);
  }

  /**
   * Polls {@code feed}, then persists its state. One source's failure, whatever it is, stays that
   * source's: the others are still polled.
   */
  void poll(FeedSpec feed) {
    try {
      pollFeed(feed);
      articles.flush();
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("feed {} broke its poll", feed.url(), e);
      sources.afterPoll(feed, "failing", "internal error while polling: " + e, null);
    }
    log.persist(feed.url());
  }

  private void pollFeed(FeedSpec feed) {
    SourceStatus before = sources.get(feed.url());
    FeedPollState st = states.poll(feed.url());
    Instant now = Instant.now();
    if (!st.due(now)) {
      // backing off (error streak or Retry-After) or not yet time: this source waits, the others
      // go on
      return;
    }
    FetchResult r = fetcher.fetch(feed.url(), st.validatorsFor());
    st.afterFetch(r, now, pollInterval);
    PollReport report = new PollReport();
    if (r instanceof FetchResult.Failed f) {
      sources.afterPoll(feed, "failing", f.reason(), null);
    } else if (r instanceof FetchResult.NotModified) {
      retryDue(feed, report);
      st.afterItems(now, false, pollInterval, maxPollInterval);
      sources.afterPoll(feed, "not-modified", states.documentNote(feed.url()), report);
    } else if (r instanceof FetchResult.Fetched f) {
      FeedDocument doc;
      try {
        doc = reader.readDocument(f.finalUrl(), f.body(), f.contentType());
      } catch (FeedReader.FeedException e) {
        sources.afterPoll(feed, "failing", e.getMessage(), null);
        return;
      }
      readItems(feed, st, doc, now, report);
    }
    if (before != null && "failing".equals(sources.get(feed.url()).state())) {
      LOG.warn("feed {} failing: {}", feed.url(), sources.get(feed.url()).lastError());
    }
  }

  /** Ingests what a document that was read lists, and notes what it said about itself. */
  private void readItems(
      FeedSpec feed, FeedPollState st, FeedDocument doc, Instant now, PollReport report) {
    if (doc instanceof FeedDocument.SitemapIndex) {
      st.forgetValidators(); // its 304 would hide its sitemaps' changes (see FeedPollState)
    }
    List<FeedItem> listed =
        doc instanceof FeedDocument.SitemapIndex index
            ? sitemaps.itemsOf(feed.url(), index, report.notes)
            : ((FeedDocument.Items) doc).items();
    List<FeedItem> read =
        listed.size() > maxItemsPerFeed ? newest(listed, maxItemsPerFeed) : listed;
    report.read = read.size();
    ingestNewItems(feed, read, report);
    retryDue(feed, report);
    st.afterItems(now, report.fresh > 0, pollInterval, maxPollInterval);
    if (listed.isEmpty()) {
      report.notes.add(
          0,
          doc instanceof FeedDocument.SitemapIndex
              ? "the sitemap index lists no readable sitemap with items"
              : "the feed lists no items");
    }
    if (read.size() < listed.size()) {
      report.notes.add(
          "feed lists "
              + listed.size()
              + " items, only the newest "
              + read.size()
              + " are read (ingest.max-items-per-feed)");
    }
    states.documentSaid(
        feed.url(), report.notes.isEmpty() ? null : String.join("; ", report.notes));
    sources.afterPoll(feed, "ok", states.documentNote(feed.url()), report);
  }

  /**
   * Ingests the items this feed has not listed before (whether or not another feed already
   * delivered them: that is for the fetch to decide), then remembers everything it listed.
   */
  private void ingestNewItems(FeedSpec feed, List<FeedItem> read, PollReport report) {
    FeedItemMemory memory = states.memory(feed.url());
    List<String> listed = new ArrayList<>(read.size());
    for (FeedItem listedItem : read) {
      if (!stillOurs.test(feed)) {
        break; // the items not reached stay new to this feed's memory: its new owner fetches them
      }
      // A Google News link names Google, not the outlet: key and fetch by the publisher's URL when
      // it carries one.
      FeedItem item =
          GoogleNewsLink.publisherUrl(listedItem.link())
              .map(listedItem::withLink)
              .orElse(listedItem);
      String key = CanonicalUrl.normalise(item.link()).orElse("unfetchable:" + item.link());
      listed.add(key);
      if (!memory.isNew(key)) {
        continue; // listed before: dealt with then, or waiting in its retry list
      }
      report.fresh++;
      settle(
          feed,
          item,
          key,
          key.startsWith("unfetchable:")
              ? ItemOutcome.failed("not an http(s) article URL", false, null)
              : items.ingest(feed, item, key),
          report);
    }
    memory.listed(listed);
  }

  /** Retries the feed's items whose retry is due. */
  private void retryDue(FeedSpec feed, PollReport report) {
    ItemRetries waiting = states.retries(feed.url());
    for (ItemRetries.Entry e : waiting.due(Instant.now())) {
      if (!stillOurs.test(feed)) {
        break;
      }
      settle(feed, e.item(), e.key(), items.ingest(feed, e.item(), e.key()), report);
    }
  }

  /** Records what became of an item: done, waiting for a retry, or failed for good. */
  private void settle(FeedSpec feed, FeedItem item, String key, ItemOutcome o, PollReport report) {
    ItemRetries waiting = states.retries(feed.url());
    if (o instanceof ItemOutcome.Produced) {
      report.produced++;
      waiting.done(key);
    } else if (o instanceof ItemOutcome.AlreadySeen) {
      waiting.done(key);
    } else if (o instanceof ItemOutcome.Failed failed) {
      if (failed.retryable()) {
        for (ItemRetries.Outcome out :
            waiting.failed(
                item, key, failed.reason(), failed.retryAfter(), Instant.now(), pollInterval)) {
          if (out instanceof ItemRetries.Outcome.GaveUp g) {
            report.gaveUp(g.entry());
          }
        }
      } else {
        waiting.done(key);
        report.failedForGood(item.link(), failed.reason());
      }
    }
  }

  /**
   * The {@code n} newest items by date when the items carry dates (sitemaps often list oldest
   * first), else the first {@code n} as listed (feeds list newest first).
   */
  static List<FeedItem> newest(List<FeedItem> items, int n) {
    if (items.stream().noneMatch(i -> i.publishedAt() != null)) {
      return items.subList(0, n);
    }
    List<FeedItem> byDate = new ArrayList<>(items);
    byDate.sort(
        Comparator.comparing(
            FeedItem::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return byDate.subList(0, n);
  }
}
