package io.vigia.enrich;

import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.analysis.FigureExtractor;
import io.vigia.enrich.entities.KnowledgeBase;
import io.vigia.enrich.entities.KnowledgeBaseEntityLinker;
import io.vigia.enrich.figures.FigureVocabulary;
import io.vigia.enrich.figures.ProfileFigureExtractor;
import io.vigia.enrich.relevance.ProfileRelevanceScorer;
import io.vigia.enrich.relevance.RelevanceRules;
import io.vigia.enrich.stance.CueStanceScorer;
import io.vigia.enrich.stance.StanceCues;

/**
 * Assembles the analyzer a watch profile describes from the analysers that implement {@code
 * analysis}' interfaces. Here, above both, so that {@code analysis} does not depend on its own
 * implementers.
 */
public final class ArticleAnalyzers {
  private ArticleAnalyzers() {}

  /** The analyzer the watch profile describes. */
  public static ArticleAnalyzer fromProfile(WatchProfile profile) {
    KnowledgeBase kb =
        profile
            .readTree("entities.yaml")
            .map(n -> KnowledgeBase.from(n, profile.name() + "/entities.yaml"))
            .orElse(KnowledgeBase.empty());
    RelevanceRules rules =
        profile
            .readTree("relevance.yaml")
            .map(n -> RelevanceRules.from(n, profile.name() + "/relevance.yaml"))
            .orElse(RelevanceRules.none());
    StanceCues cues =
        profile
            .readTree("stance.yaml")
            .map(n -> StanceCues.from(n, profile.name() + "/stance.yaml"))
            .orElse(StanceCues.none());
    FigureExtractor figures =
        profile
            .readTree("figures.yaml")
            .<FigureExtractor>map(
                n ->
                    new ProfileFigureExtractor(
                        FigureVocabulary.from(n, profile.name() + "/figures.yaml"), kb))
            .orElse(FigureExtractor.NONE);
    return new ArticleAnalyzer(
        new KnowledgeBaseEntityLinker(kb),
        new ProfileRelevanceScorer(rules),
        new CueStanceScorer(cues),
        figures);
  }
}
