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

  public ArticleEnricher(ArticleAnalyzer analyzer, String profileName) {
    this.analyzer = analyzer;
    this.profileName = profileName;
  }

  public EnrichedArticle enrich(RawArticle a) {
    return enrich(a, analyzer.analyze(a), profileName);
  }

  static EnrichedArticle enrich(RawArticle a, ArticleAnalysis analysis, String profileName) {
    return EnrichedArticle.newBuilder()
        .setArticle(a)
        .setEnrichmentVersion(ArticleAnalyzer.ENRICHMENT_VERSION)
        .setEnrichedAt(Instant.now())
        .setProfile(profileName)
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
