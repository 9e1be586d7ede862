package io.vigia.enrich.analysis;

import io.vigia.schemas.Entity;
import io.vigia.schemas.Figure;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Relevance;
import java.util.List;
import java.util.Objects;

/**
 * The stateless part of enrichment, shared by the topology and {@code vigia enrich}: entities first
 * (relevance, stance and figures use them), then relevance, then stance for relevant articles only
 * and figures for every article.
 */
public final class ArticleAnalyzer {
  /**
   * Bump when what an enrichment means changes, so records can be told apart in the index. 4: each
   * figure and figure conflict names its election, and claims of different elections are no
   * conflict.
   */
  public static final int ENRICHMENT_VERSION = 4;

  private final EntityLinker entities;
  private final RelevanceScorer relevance;
  private final StanceScorer stance;
  private final FigureExtractor figures;
  private final boolean conflictsAcrossStories;

  public ArticleAnalyzer(EntityLinker entities, RelevanceScorer relevance, StanceScorer stance) {
    this(entities, relevance, stance, FigureExtractor.NONE);
  }

  public ArticleAnalyzer(
      EntityLinker entities,
      RelevanceScorer relevance,
      StanceScorer stance,
      FigureExtractor figures) {
    this(entities, relevance, stance, figures, false);
  }

  /**
   * @param conflictsAcrossStories the profile's {@code conflicts: {across-stories}} (figures.yaml):
   *     whether the step after dedup also compares an article's claims with its elections' claims
   *     in every story. Carried here, though that step is not this one, because the analyzer is
   *     what a profile is assembled into for both the topology and {@code vigia enrich --input}.
   */
  public ArticleAnalyzer(
      EntityLinker entities,
      RelevanceScorer relevance,
      StanceScorer stance,
      FigureExtractor figures,
      boolean conflictsAcrossStories) {
    this.entities = Objects.requireNonNull(entities);
    this.relevance = Objects.requireNonNull(relevance);
    this.stance = Objects.requireNonNull(stance);
    this.figures = Objects.requireNonNull(figures);
    this.conflictsAcrossStories = conflictsAcrossStories;
  }

  /** Whether figure conflicts are also sought election-wide, across stories (off by default). */
  public boolean conflictsAcrossStories() {
    return conflictsAcrossStories;
  }

  public ArticleAnalysis analyze(RawArticle article) {
    List<Entity> found =
        entities.link(article.getTitle(), article.getText(), article.getLanguage());
    Relevance r = relevance.score(article, found);
    // Figures are read whatever the verdict: an article judged off topic keeps them for the
    // audit and a replay; only relevant ones join a story and its conflicts.
    List<Figure> stated = figures.extract(article, found);
    return new ArticleAnalysis(
        found, r, r.getRelevant() ? stance.score(article, found) : List.of(), stated);
  }
}
