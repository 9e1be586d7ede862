package io.vigia.enrich.topology;

import io.vigia.enrich.analysis.ArticleAnalysis;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.schemas.Dedup;
import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import java.time.Instant;

/**
 * The stateless step of the topology: an article analysed (entities, relevance, stance) into an
 * enriched record whose dedup part says "original, its own story" until dedup decides.
 */
public final class ArticleEnricher {
  private final ArticleAnalyzer analyzer;
  private final String profileName;
  private final int profileVersion;

  /** An enricher for a profile without a version (version 0). */
  public ArticleEnricher(ArticleAnalyzer analyzer, String profileName) {
    this(analyzer, profileName, 0);
  }

  /**
   * An enricher whose records say which profile version judged them, so an article judged by an
   * older version can be told apart (and re-judged by {@code vigia reprocess}).
   */
  public ArticleEnricher(ArticleAnalyzer analyzer, String profileName, int profileVersion) {
    this.analyzer = analyzer;
    this.profileName = profileName;
    this.profileVersion = profileVersion;
  }

  /**
   * The profile's choice for the step after dedup ({@link ArticleAnalyzer#conflictsAcrossStories}).
   */
  public boolean conflictsAcrossStories() {
    return analyzer.conflictsAcrossStories();
  }

  public EnrichedArticle enrich(RawArticle a) {
    return enrich(a, analyzer.analyze(a), profileName, profileVersion);
  }

  static EnrichedArticle enrich(
      RawArticle a, ArticleAnalysis analysis, String profileName, int profileVersion) {
    return EnrichedArticle.newBuilder()
        .setArticle(a)
        .setEnrichmentVersion(ArticleAnalyzer.ENRICHMENT_VERSION)
        .setEnrichedAt(Instant.now())
        .setProfile(profileName)
        .setProfileVersion(profileVersion)
        .setRelevance(analysis.relevance())
        .setDedup(
            Dedup.newBuilder()
                .setStatus(DedupStatus.ORIGINAL)
                .setStoryId(a.getId())
                .setStorySources(1)
                .build())
        .setEntities(analysis.entities())
        .setStance(analysis.stance())
        .setFigures(analysis.figures())
        .build();
  }
}
