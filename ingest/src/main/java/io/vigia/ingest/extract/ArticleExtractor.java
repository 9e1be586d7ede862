package io.vigia.ingest.extract;

import java.nio.charset.Charset;

/**
 * Pulls an article's text and metadata out of a page. Implementations must never throw on bad input
 * or hang: malformed, empty or binary pages give a non-article result with a reason.
 */
public interface ArticleExtractor {

  /**
   * @param url the page's URL (resolves relative links, gives URL date patterns)
   * @param body the bytes as served
   * @param declaredCharset the charset from the HTTP Content-Type, or null
   */
  ExtractedPage extract(String url, byte[] body, Charset declaredCharset);

  /** Name and version, recorded on every raw article so a re-extraction can be told apart. */
  String version();
}
