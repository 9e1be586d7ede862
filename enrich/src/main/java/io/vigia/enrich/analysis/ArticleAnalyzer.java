package io.vigia.enrich.analysis;

import io.vigia.schemas.Entity;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Relevance;
import java.util.List;
import java.util.Objects;

/**
 * The stateless part of enrichment, shared by the topology and {@code vigia enrich}: entities first
 * (relevance and stance use them), then relevance, then stance for relevant articles only.
 */
public final class ArticleAnalyzer {
  /** Bump when what an enrichment means changes, so records can be told apart in the index. */
  public static final int ENRICHMENT_VERSION = 2;

  private final EntityLinker entities;
  private final RelevanceScorer relevance;
  private final StanceScorer stance;

  public ArticleAnalyzer(EntityLinker entities, RelevanceScorer relevance, StanceScorer stance) {
    this.entities = Objects.requireNonNull(entities);
    this.relevance = Objects.requireNonNull(relevance);
    this.stance = Objects.requireNonNull(stance);
  }

  public ArticleAnalysis analyze(RawArticle article) {
    List<Entity> found =
        entities.link(article.getTitle(), article.getText(), article.getLanguage());
    Relevance r = relevance.score(article, found);
    return new ArticleAnalysis(
        found, r, r.getRelevant() ? stance.score(article, found) : List.of());
  }
}
