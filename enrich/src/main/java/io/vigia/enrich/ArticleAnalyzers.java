package io.vigia.enrich;

import io.vigia.common.config.ConfigException;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.analysis.FigureExtractor;
import io.vigia.enrich.analysis.StanceScorer;
import io.vigia.enrich.entities.KnowledgeBase;
import io.vigia.enrich.entities.KnowledgeBaseEntityLinker;
import io.vigia.enrich.figures.FigureVocabulary;
import io.vigia.enrich.figures.ProfileFigureExtractor;
import io.vigia.enrich.relevance.ProfileRelevanceScorer;
import io.vigia.enrich.relevance.RelevanceRules;
import io.vigia.enrich.stance.CueStanceScorer;
import io.vigia.enrich.stance.LearnedStanceScorer;
import io.vigia.enrich.stance.OutletLeans;
import io.vigia.enrich.stance.StanceCues;
import io.vigia.enrich.stance.StanceModel;

/**
 * Assembles the analyzer a watch profile describes from the analysers that implement {@code
 * analysis}' interfaces. Here, above both, so that {@code analysis} does not depend on its own
 * implementers.
 */
public final class ArticleAnalyzers {
  /** The file of a profile that holds its learned stance model. */
  public static final String STANCE_MODEL = "stance-model.json";

  private ArticleAnalyzers() {}

  /** The analyzer the watch profile describes. */
  public static ArticleAnalyzer fromProfile(WatchProfile profile) {
    KnowledgeBase kb = KnowledgeBase.fromProfile(profile);
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
    FigureVocabulary vocabulary =
        profile
            .readTree("figures.yaml")
            .map(n -> FigureVocabulary.from(n, profile.name() + "/figures.yaml"))
            .orElse(null);
    return new ArticleAnalyzer(
        new KnowledgeBaseEntityLinker(kb),
        new ProfileRelevanceScorer(rules),
        stanceScorer(profile, cues),
        vocabulary == null ? FigureExtractor.NONE : new ProfileFigureExtractor(vocabulary, kb),
        vocabulary != null && vocabulary.conflictsAcrossStories());
  }

  /**
   * The learned model when the profile has one ({@code stance-model.json}, written by {@code vigia
   * stance-train} or {@code vigia learn}), else the cue rule alone.
   */
  public static StanceScorer stanceScorer(WatchProfile profile, StanceCues cues) {
    String source = profile.name() + "/" + STANCE_MODEL;
    return profile
        .readTree(STANCE_MODEL)
        .<StanceScorer>map(
            n -> {
              try {
                return new LearnedStanceScorer(
                    cues, StanceModel.from(n, source), outletLeans(profile), source);
              } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage(), e);
              }
            })
        .orElseGet(() -> new CueStanceScorer(cues));
  }

  /**
   * Where outlets lean, when a version learned it from labelled articles ({@code
   * stance-outlets.json}, written by {@code vigia learn}); none otherwise.
   */
  public static OutletLeans outletLeans(WatchProfile profile) {
    String source = profile.name() + "/" + OutletLeans.FILE;
    return profile
        .readTree(OutletLeans.FILE)
        .map(
            n -> {
              try {
                return OutletLeans.from(n, source);
              } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage(), e);
              }
            })
        .orElse(OutletLeans.none());
  }
}
