package io.vigia.sink.index;

import io.vigia.search.SearchQuery;
import java.time.Instant;

/**
 * Which figures a listing selects: of one quantity, about one subject, about one election (an
 * election id), stated in articles published (or, without a publication time, fetched) since an
 * instant; null selects any.
 */
public record FigureFilter(String quantity, String subject, String election, Instant since) {
  public static final FigureFilter ANY = new FigureFilter(null, null, null, null);

  /** Of any election. */
  public FigureFilter(String quantity, String subject, Instant since) {
    this(quantity, subject, null, since);
  }

  /**
   * The articles this filter looks among: every article not marked off topic, syndicated copies
   * included (a copy in another outlet states its figures too), since {@link #since}.
   */
  public SearchQuery articles() {
    return SearchQuery.builder().since(since).includeDuplicates(true).page(0, 0).build();
  }
}
