package io.vigia.enrich.learn;

import io.vigia.enrich.stance.StanceLabels;
import io.vigia.schemas.Correction;
import io.vigia.schemas.EntityAction;
import io.vigia.schemas.EntityCorrection;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.StanceLabel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What learning takes from the analysts' corrections in force (the latest of each article and field
 * in {@code vigia.corrections}, taken-back ones left out): a stance correction is a stance label of
 * the article, {@code "relevant": false} (or true) a relevance example, an entity added with its
 * mention a candidate alias, an entity removed a wrong link. The article's text comes from {@code
 * vigia.articles.raw}; a stance or relevance correction of an article no longer there cannot be
 * learned from and is counted as such. Story corrections teach nothing a profile holds.
 *
 * @param examples one per article with a stance or relevance correction, with all its labels
 * @param mentions every "this mention names that entity" correction
 * @param removals every "this article is not about that entity" correction
 * @param corrections the corrections read (in force)
 * @param stories story corrections (not learned from)
 * @param missing ids of articles with a stance or relevance correction but no raw text
 */
public record CorrectionLessons(
    List<LabelledExample> examples,
    List<LinkedMention> mentions,
    List<RemovedLink> removals,
    int corrections,
    int stories,
    List<String> missing) {
  public CorrectionLessons {
    examples = List.copyOf(examples);
    mentions = List.copyOf(mentions);
    removals = List.copyOf(removals);
    missing = List.copyOf(missing);
  }

  /**
   * An analyst linked {@code mention} ("text as written") in an article to entity {@code entityId}.
   *
   * @param text the article's title and text, empty when it is no longer stored
   */
  public record LinkedMention(String articleId, String entityId, String mention, String text) {}

  /**
   * An analyst said an article is not about {@code entityId}.
   *
   * @param text the article's title and text, empty when it is no longer stored
   */
  public record RemovedLink(String articleId, String entityId, String text) {}

  public static CorrectionLessons none() {
    return new CorrectionLessons(List.of(), List.of(), List.of(), 0, 0, List.of());
  }

  /** The lessons of {@code corrections}, with the stored raw articles by id. */
  public static CorrectionLessons from(
      Collection<Correction> corrections, Map<String, RawArticle> articles) {
    Map<String, LabelledExample> examples = new LinkedHashMap<>();
    List<LinkedMention> mentions = new ArrayList<>();
    List<RemovedLink> removals = new ArrayList<>();
    TreeSet<String> missing = new TreeSet<>();
    int stories = 0;
    for (Correction c : corrections) {
      String id = c.getArticleId();
      RawArticle a = articles.get(id);
      String text = a == null ? "" : a.getTitle() + "\n\n" + a.getText();
      if (c.getStance() != null || c.getRelevant() != null) {
        if (a == null) {
          missing.add(id);
          continue;
        }
        LabelledExample labels = labels(c, a);
        examples.merge(id, labels, LabelledExample::mergedWith);
      } else if (c.getEntity() != null) {
        EntityCorrection e = c.getEntity();
        if (e.getAction() == EntityAction.ADD && e.getMention() != null) {
          mentions.add(new LinkedMention(id, e.getId(), e.getMention().strip(), text));
        } else if (e.getAction() == EntityAction.REMOVE) {
          removals.add(new RemovedLink(id, e.getId(), text));
        }
      } else if (c.getStory() != null) {
        stories++;
      }
    }
    return new CorrectionLessons(
        List.copyOf(examples.values()),
        mentions,
        removals,
        corrections.size(),
        stories,
        List.copyOf(missing));
  }

  /** The article as an example carrying the one label {@code c} gives it. */
  private static LabelledExample labels(Correction c, RawArticle a) {
    Map<String, StanceLabel> stance = new LinkedHashMap<>();
    if (c.getStance() != null) {
      stance.put(c.getStance().getTarget(), StanceLabels.parse(c.getStance().getLabel()));
    }
    return new LabelledExample(
        a.getId(),
        a.getCanonicalUrl(),
        a.getTitle(),
        a.getText(),
        a.getLanguage(),
        a.getPublishedAt() == null ? null : a.getPublishedAt().toString(),
        stance,
        c.getRelevant());
  }

  /** The examples with a stance label toward at least one target. */
  public long stanceExamples() {
    return examples.stream().filter(e -> !e.stance().isEmpty()).count();
  }

  /** The examples marked on or off topic. */
  public long relevanceExamples() {
    return examples.stream().filter(e -> e.relevant() != null).count();
  }

  /** One line saying what was read, for the report. */
  public String summary() {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "corrections: %d in force: %d articles with a stance label, %d marked on or off topic, "
                    + "%d entity links added, %d removed",
                corrections,
                stanceExamples(),
                relevanceExamples(),
                mentions.size(),
                removals.size()));
    if (stories > 0) {
      b.append(String.format(Locale.ROOT, ", %d story corrections (nothing to learn)", stories));
    }
    if (!missing.isEmpty()) {
      b.append(
          String.format(
              Locale.ROOT,
              "; %d articles no longer in vigia.articles.raw (their stance/relevance corrections skipped)",
              missing.size()));
    }
    return b.toString();
  }
}
