package io.vigia.sink.index;

import io.vigia.search.ArticleDocument;
import java.util.List;

/** One page of hits and the total that matched. */
public record SearchResult(long total, List<ArticleDocument> articles) {}
