package io.vigia.ingest;

import io.vigia.ingest.feed.FeedDocument;
import io.vigia.ingest.feed.FeedItem;
import io.vigia.ingest.feed.FeedPollState;
import io.vigia.ingest.feed.FeedReader;
import io.vigia.ingest.fetch.FetchResult;
import io.vigia.ingest.fetch.PageFetcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the items of a sitemap index's most recently modified sitemaps (news sitemap indexes list
 * one per day or per hour, newest first or last). Each sitemap has its own validators and backoff,
 * kept and persisted like a feed's; one that fails is reported with the index and the others are
 * still read.
 *
 * <p>Some outlets nest indexes (a root index of yearly or per-section indexes) although
 * sitemaps.org does not provide for it, so a nested index is followed too, newest first, down to
 * {@link #MAX_DEPTH} levels. One poll reads at most {@code max-sitemaps-per-index} sitemaps of
 * articles and walks into at most as many nested indexes (each read lists at most that many
 * entries, so a poll makes at most {@code (max + 1)²} requests), whatever the shape of the tree:
 * the configuration, not the shape of an index, bounds what one poll costs its host. An index that
 * lists itself or one of the indexes above it is reported, not followed.
 */
final class SitemapIndexWalk {
  /** How deep nested sitemap indexes are followed: the configured index and two levels below it. */
  static final int MAX_DEPTH = 3;

  private final PageFetcher fetcher;
  private final FeedReader reader;
  private final FeedStates states;
  private final FeedStateLog log;
  private final int maxSitemaps;
  private final Duration pollInterval;

  SitemapIndexWalk(
      PageFetcher fetcher,
      FeedReader reader,
      FeedStates states,
      FeedStateLog log,
      int maxSitemaps,
      Duration pollInterval) {
    this.fetcher = fetcher;
    this.reader = reader;
    this.states = states;
    this.log = log;
    this.maxSitemaps = maxSitemaps;
    this.pollInterval = pollInterval;
  }

  /** One poll's walk through an index tree: what it may still fetch and what it found. */
  private static final class Walk {
    int sitemapsLeft;
    int indexesLeft;
    final List<FeedItem> items = new ArrayList<>();
    final List<String> problems;

    /** The indexes from the configured one down to the one being read: a loop back is refused. */
    final List<String> path = new ArrayList<>();

    Walk(int budget, List<String> problems) {
      this.sitemapsLeft = budget;
      this.indexesLeft = budget;
      this.problems = problems;
    }
  }

  /**
   * The items of the sitemaps {@code index} (read from {@code indexUrl}) leads to; what went wrong
   * on the way is added to {@code problems}.
   */
  List<FeedItem> itemsOf(String indexUrl, FeedDocument.SitemapIndex index, List<String> problems) {
    Walk walk = new Walk(maxSitemaps, problems);
    walk.path.add(indexUrl);
    walk(index, 1, walk);
    return walk.items;
  }

  private void walk(FeedDocument.SitemapIndex index, int depth, Walk walk) {
    List<FeedDocument.Sitemap> newest = new ArrayList<>(index.sitemaps());
    newest.sort(
        Comparator.comparing(
            FeedDocument.Sitemap::lastModified, Comparator.nullsLast(Comparator.reverseOrder())));
    for (FeedDocument.Sitemap sm : newest.subList(0, Math.min(newest.size(), maxSitemaps))) {
      if (walk.sitemapsLeft <= 0) {
        return;
      }
      if (walk.path.contains(sm.url())) {
        walk.problems.add(
            "sitemap "
                + sm.url()
                + ": the index lists itself or an index above it; not followed again");
        continue;
      }
      FeedPollState st = states.poll(sm.url());
      Instant now = Instant.now();
      if (!st.due(now)) {
        continue;
      }
      FetchResult r = fetcher.fetch(sm.url(), st.validatorsFor());
      st.afterFetch(r, now, pollInterval);
      log.persist(sm.url());
      if (r instanceof FetchResult.Failed f) {
        walk.problems.add("sitemap " + sm.url() + ": " + f.reason());
      } else if (r instanceof FetchResult.Fetched f) {
        try {
          FeedDocument d = reader.readDocument(f.finalUrl(), f.body(), f.contentType());
          if (d instanceof FeedDocument.Items its) {
            walk.sitemapsLeft--;
            walk.items.addAll(its.items());
          } else {
            // Read in full at every poll, like the configured index (see FeedPollState).
            st.forgetValidators();
            log.persist(sm.url());
            followNested(sm, (FeedDocument.SitemapIndex) d, depth, walk);
          }
        } catch (FeedReader.FeedException e) {
          walk.problems.add("sitemap " + sm.url() + ": " + e.getMessage());
        }
      }
    }
  }

  private void followNested(
      FeedDocument.Sitemap sm, FeedDocument.SitemapIndex nested, int depth, Walk walk) {
    if (depth >= MAX_DEPTH) {
      walk.problems.add(
          "sitemap "
              + sm.url()
              + ": an index "
              + depth
              + " levels below the configured one is not followed");
    } else if (walk.indexesLeft <= 0) {
      walk.problems.add(
          "sitemap "
              + sm.url()
              + ": nested index not read this poll (at most "
              + maxSitemaps
              + " nested indexes a poll, ingest.max-sitemaps-per-index)");
    } else {
      walk.indexesLeft--;
      walk.path.add(sm.url());
      walk(nested, depth + 1, walk);
      walk.path.remove(walk.path.size() - 1);
    }
  }
}
