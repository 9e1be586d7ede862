package io.vigia.ingest.extract;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What extraction found on one page. {@code isArticle} is false for section fronts, video pages and
 * other pages that are not articles; {@code notArticleReason} then says why.
 *
 * <p>{@code publishedAt} carries the offset the page stated ({@code 2024-07-28T22:10-04:00}), so
 * the article keeps its local day; {@code publishedOffsetStated} is false when the page gave a time
 * or date without an offset and UTC was assumed. {@code standfirst} is the dek or summary line
 * under the headline, kept apart from {@code text} (the body); {@link #readerText()} is both, as a
 * reader reads them. {@code paywalled}: the page marks the article for subscribers only, and {@code
 * text} is the free teaser.
 */
public record ExtractedPage(
    String url,
    String canonicalUrl,
    String title,
    String byline,
    OffsetDateTime publishedAt,
    boolean publishedOffsetStated,
    OffsetDateTime modifiedAt,
    String language,
    String standfirst,
    String text,
    String description,
    String siteName,
    String leadImage,
    boolean paywalled,
    boolean isArticle,
    String notArticleReason) {

  public ExtractedPage {
    Objects.requireNonNull(url, "url");
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    standfirst = standfirst == null || standfirst.isBlank() ? null : standfirst;
  }

  /**
   * The text the index and the analysers see: the standfirst, then the body, paragraphs separated
   * by a blank line.
   */
  public String readerText() {
    if (standfirst == null) {
      return text;
    }
    return text.isEmpty() ? standfirst : standfirst + "\n\n" + text;
  }

  /** The offset the page stated with its publication time, in seconds; null when it stated none. */
  public Integer publishedOffsetSeconds() {
    return publishedAt == null || !publishedOffsetStated
        ? null
        : publishedAt.getOffset().getTotalSeconds();
  }

  /** This page with {@code text} as its body (a feed's copy of the story) and as an article. */
  public ExtractedPage withBody(String title, String language, String text) {
    return new ExtractedPage(
        url,
        canonicalUrl,
        title,
        byline,
        publishedAt,
        publishedOffsetStated,
        modifiedAt,
        language,
        standfirst,
        text,
        description,
        siteName,
        leadImage,
        paywalled,
        true,
        null);
  }

  /**
   * A page that could not be read at all (binary, empty, broken): not an article, with the reason.
   */
  public static ExtractedPage unreadable(String url, String reason) {
    return new ExtractedPage(
        url, null, "", null, null, false, null, null, null, "", null, null, null, false, false,
        reason);
  }
}
