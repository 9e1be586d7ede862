package io.vigia.ingest;

import io.micrometer.core.instrument.Counter;
import io.vigia.common.metrics.Metrics;
import io.vigia.common.profile.FeedSpec;
import io.vigia.common.url.CanonicalUrl;
import io.vigia.ingest.extract.ArticleExtractor;
import io.vigia.ingest.extract.ExtractedPage;
import io.vigia.ingest.feed.FeedItem;
import io.vigia.ingest.feed.GoogleNewsLink;
import io.vigia.ingest.fetch.FetchResult;
import io.vigia.ingest.fetch.PageFetcher;
import io.vigia.ingest.fetch.RobotsPolicy;
import io.vigia.schemas.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests one feed item: resolves a Google News link to the publisher's, claims the article's URL
 * (once across feeds, threads and instances), asks robots.txt, fetches the page, extracts it
 * (taking the feed's text for a page that shows too little), refuses what is not an article, then
 * builds the {@link RawArticle} ({@link RawArticles}) and produces it ({@link ArticleProducer}).
 */
final class ItemIngestion {
  private static final Logger LOG = LoggerFactory.getLogger(ItemIngestion.class);

  /** Longest article text produced; longer extracted text is refused. */
  static final int MAX_ARTICLE_CHARS = 300_000;

  /** A robots.txt Crawl-delay longer than this is honoured as this. */
  private static final Duration MAX_CRAWL_DELAY = Duration.ofMinutes(1);

  private final PageFetcher fetcher;
  private final RobotsPolicy robots;
  private final ArticleExtractor extractor;
  private final FetchedUrlLog fetchedUrls;
  private final ArticleProducer articles;

  private final Counter fetched =
      Counter.builder("vigia.ingest.articles.fetched")
          .description(
              "Article pages fetched (HTTP 200), before extraction decides whether they are articles")
          .register(Metrics.registry());

  ItemIngestion(
      PageFetcher fetcher,
      RobotsPolicy robots,
      ArticleExtractor extractor,
      FetchedUrlLog fetchedUrls,
      ArticleProducer articles) {
    this.fetcher = fetcher;
    this.robots = robots;
    this.extractor = extractor;
    this.fetchedUrls = fetchedUrls;
    this.articles = articles;
  }

  /**
   * Ingests {@code item}, listed by {@code feed} under {@code feedKey}. One item's failure,
   * whatever it is (even an extractor bug), stays that item's: the feed's other items go on.
   */
  ItemOutcome ingest(FeedSpec feed, FeedItem item, String feedKey) {
    try {
      return ingestItem(feed, item, feedKey);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("item {} of {} broke its ingestion", item.link(), feed.url(), e);
      return ItemOutcome.failed("internal error while ingesting: " + e, false, null);
    }
  }

  /**
   * Fetches, extracts and produces one item (its link already the publisher's when the Google News
   * link carried it). A Google News link that does not carry it is asked where it redirects first,
   * without following: the article is then keyed, deduplicated and fetched by the publisher's URL.
   */
  private ItemOutcome ingestItem(FeedSpec feed, FeedItem item, String feedKey) {
    FetchResult.Fetched servedByGoogle = null;
    if (GoogleNewsLink.isGoogleNews(item.link())) {
      RobotsPolicy.Verdict robotsSay = robots.check(item.link());
      if (!robotsSay.allowed()) {
        return ItemOutcome.failed(robotsSay.reason(), robotsSay.temporary(), null);
      }
      PageFetcher.FirstHop hop = fetcher.firstHop(item.link());
      if (hop instanceof PageFetcher.FirstHop.Redirect redirect) {
        item = item.withLink(redirect.location());
      } else {
        FetchResult answer = ((PageFetcher.FirstHop.Answer) hop).result();
        if (answer instanceof FetchResult.Failed f) {
          return ItemOutcome.failed(f);
        }
        if (!(answer instanceof FetchResult.Fetched f)) {
          return ItemOutcome.failed(
              "Google News answered " + answer + " instead of a redirect", true, null);
        }
        // A page of Google's own (the current link format resolves by script): taken as that page.
        servedByGoogle = f;
      }
    }
    String key = CanonicalUrl.normalise(item.link()).orElse(null);
    if (key == null) {
      return ItemOutcome.failed("not an http(s) article URL", false, null);
    }
    // Feeds are polled in parallel and one article is often listed by several: one thread claims
    // it, and checks again once it holds the claim (a claim is released only after the URL is
    // remembered, so the re-check sees what the previous holder fetched).
    if (fetchedUrls.contains(key) || !fetchedUrls.claim(key)) {
      return ItemOutcome.ALREADY_SEEN;
    }
    try {
      if (fetchedUrls.contains(key)) {
        return ItemOutcome.ALREADY_SEEN;
      }
      return fetchClaimed(feed, item, key, feedKey, servedByGoogle);
    } finally {
      fetchedUrls.release(key);
    }
  }

  private ItemOutcome fetchClaimed(
      FeedSpec feed, FeedItem item, String key, String feedKey, FetchResult.Fetched prefetched) {
    FetchResult.Fetched f;
    if (prefetched != null) {
      f = prefetched;
    } else {
      RobotsPolicy.Verdict robotsSay = robots.check(item.link());
      if (!robotsSay.allowed()) {
        if (!robotsSay.temporary()) {
          fetchedUrls.remember(key); // the site asked us not to: do not ask again every poll
        }
        return ItemOutcome.failed(robotsSay.reason(), robotsSay.temporary(), null);
      }
      FetchResult r =
          fetcher.fetch(item.link(), FetchResult.Validators.NONE, capped(robotsSay.crawlDelay()));
      if (r instanceof FetchResult.Failed failed) {
        LOG.info("article {} not fetched: {}", item.link(), failed.reason());
        return ItemOutcome.failed(failed);
      }
      if (!(r instanceof FetchResult.Fetched page)) {
        return ItemOutcome.failed("unexpected answer without validators: " + r, true, null);
      }
      f = page;
    }
    fetched.increment();
    ExtractedPage page;
    try {
      page = extractor.extract(f.finalUrl(), f.body(), f.charset().orElse(null));
    } catch (RuntimeException | StackOverflowError e) {
      // A page the extractor cannot digest is that page's problem, not the feed's or the process's.
      LOG.warn("{} could not be extracted: {}", item.link(), e.toString());
      fetchedUrls.remember(key);
      return ItemOutcome.failed("extraction failed: " + e, false, null);
    }
    if (!page.isArticle()) {
      page = withTheFeedsText(page, item);
    }
    if (!page.isArticle()) {
      LOG.info("{} is not an article: {}", item.link(), page.notArticleReason());
      fetchedUrls.remember(key);
      return ItemOutcome.failed("not an article: " + page.notArticleReason(), false, null);
    }
    if (page.text().length() > MAX_ARTICLE_CHARS) {
      // No news article is this long (long reads run to some 50,000); such text is a dump or an
      // attack, and enrich's shingling and the index would pay for it.
      fetchedUrls.remember(key);
      return ItemOutcome.failed(
          "not an article: "
              + page.text().length()
              + " characters of text, more than any article (at most "
              + MAX_ARTICLE_CHARS
              + ")",
          false,
          null);
    }
    String canonical =
        CanonicalUrl.normalise(page.canonicalUrl())
            .orElse(CanonicalUrl.normalise(f.finalUrl()).orElse(key));
    RawArticle a =
        RawArticles.of(feed, item, page, f, canonical, extractor.version(), Instant.now());
    articles.produce(
        a, feed, item, feedKey, canonical.equals(key) ? List.of(key) : List.of(key, canonical));
    return ItemOutcome.PRODUCED;
  }

  /** A site's Crawl-delay, at most {@link #MAX_CRAWL_DELAY}; null for none. */
  private static Duration capped(Duration crawlDelay) {
    return crawlDelay == null || crawlDelay.compareTo(MAX_CRAWL_DELAY) <= 0
        ? crawlDelay
        : MAX_CRAWL_DELAY;
  }

  /**
   * A page that shows too little text (rendered by script, or cut short) keeps its metadata but
   * takes the text its feed carried ({@code content:encoded}, Atom content) when that reads as an
   * article. Paywalls, videos and section fronts stay what they are: their feeds' teasers are not
   * the story.
   */
  private ExtractedPage withTheFeedsText(ExtractedPage page, FeedItem item) {
    String why = page.notArticleReason() == null ? "" : page.notArticleReason();
    if (item.content() == null
        || !(why.startsWith("no body text") || why.startsWith("too little body text"))) {
      return page;
    }
    ExtractedPage fromFeed =
        extractor.extract(
            page.url(),
            ("<html><body><article>" + item.content() + "</article></body></html>")
                .getBytes(StandardCharsets.UTF_8),
            StandardCharsets.UTF_8);
    if (!fromFeed.isArticle()) {
      return page;
    }
    return page.withBody(
        page.title().isBlank() ? fromFeed.title() : page.title(),
        page.language() != null ? page.language() : fromFeed.language(),
        fromFeed.text());
  }
}
