package io.vigia.ingest;

import io.vigia.common.profile.FeedSpec;
import io.vigia.common.text.TextNormalizer;
import io.vigia.common.url.CanonicalUrl;
import io.vigia.ingest.extract.ExtractedPage;
import io.vigia.ingest.feed.FeedItem;
import io.vigia.ingest.fetch.FetchResult;
import io.vigia.schemas.RawArticle;
import java.time.Instant;

/**
 * The one place a {@link RawArticle} is built: from the extracted page, with what its feed said
 * about the item filling what the page does not say (title, date, language, image).
 */
final class RawArticles {
  private RawArticles() {}

  /**
   * The article of {@code page}, fetched at {@code fetchedAt} as {@code fetched}, keyed by the id
   * of {@code canonicalUrl}.
   */
  static RawArticle of(
      FeedSpec feed,
      FeedItem item,
      ExtractedPage page,
      FetchResult.Fetched fetched,
      String canonicalUrl,
      String extractorVersion,
      Instant fetchedAt) {
    return RawArticle.newBuilder()
        .setId(CanonicalUrl.idOf(canonicalUrl))
        .setUrl(fetched.finalUrl())
        .setCanonicalUrl(canonicalUrl)
        .setSource(feed.name())
        .setFeedUrl(feed.url())
        .setGuid(item.guid())
        .setTitle(page.title().isBlank() && item.title() != null ? item.title() : page.title())
        .setByline(page.byline())
        .setPublishedAt(
            page.publishedAt() != null ? page.publishedAt().toInstant() : item.publishedAt())
        .setPublishedOffsetSeconds(
            page.publishedAt() != null ? page.publishedOffsetSeconds() : null)
        .setPaywalled(page.paywalled())
        .setModifiedAt(page.modifiedAt() == null ? null : page.modifiedAt().toInstant())
        .setFetchedAt(fetchedAt)
        .setLanguage(
            page.language() != null
                ? page.language()
                : item.language() != null ? item.language() : feed.language())
        // The standfirst counts as the start of the story for the index and the analysers.
        .setText(page.readerText())
        .setContentHash(TextNormalizer.contentHash(page.readerText()))
        .setDescription(page.description())
        .setSiteName(page.siteName())
        .setLeadImage(page.leadImage() != null ? page.leadImage() : item.image())
        .setExtractor(extractorVersion)
        .build();
  }
}
