package io.vigia.ingest.extract;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What extraction found on one page. {@code isArticle} is false for section fronts, video pages,
 * paywalls and other pages that are not articles; {@code notArticleReason} then says why.
 */
public record ExtractedPage(
    String url,
    String canonicalUrl,
    String title,
    String byline,
    OffsetDateTime publishedAt,
    OffsetDateTime modifiedAt,
    String language,
    String text,
    String description,
    String siteName,
    String leadImage,
    boolean isArticle,
    String notArticleReason) {

  public ExtractedPage {
    Objects.requireNonNull(url, "url");
    title = title == null ? "" : title;
    text = text == null ? "" : text;
  }

  /**
   * A page that could not be read at all (binary, empty, broken): not an article, with the reason.
   */
  public static ExtractedPage unreadable(String url, String reason) {
    return new ExtractedPage(
        url, null, "", null, null, null, null, "", null, null, null, false, reason);
  }
}
