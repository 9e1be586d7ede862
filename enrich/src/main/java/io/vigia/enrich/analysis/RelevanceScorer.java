package io.vigia.enrich.analysis;

import io.vigia.schemas.Entity;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Relevance;
import java.util.List;

/**
 * Decides whether an article is about what the watch profile watches, with the reasons.
 * Thread-safe.
 */
public interface RelevanceScorer {
  Relevance score(RawArticle article, List<Entity> entities);
}
