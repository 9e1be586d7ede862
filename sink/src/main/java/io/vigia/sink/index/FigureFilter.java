package io.vigia.sink.index;

import io.vigia.search.SearchQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    return new SearchQuery(
        null,
        List.of(),
        List.of(),
        Map.of(),
        List.of(),
        List.of(),
        null,
        0,
        since,
        null,
        true,
        0,
        0,
        SearchQuery.Sort.NEWEST);
  }
}
