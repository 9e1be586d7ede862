package io.vigia.sink.corrections;

import io.vigia.schemas.Correction;
import io.vigia.schemas.EntityAction;
import io.vigia.search.ArticleDocument;
import io.vigia.search.ArticleDocument.EntityRef;
import io.vigia.search.ArticleDocument.StanceRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Overlays analysts' corrections on a document: always from the machine's own judgement (kept in
 * the document, so a correction taken back restores it exactly), never from an earlier overlay.
 *
 * <ul>
 *   <li>a stance correction replaces (or adds) the stance toward its target, with score +1, -1 or 0
 *       and no evidence (the machine's, with its evidence, stays in the overlay);
 *   <li>{@code relevant: false} marks the document off topic (searches, facets and stats leave it
 *       out unless asked for it);
 *   <li>an entity removed is gone from the entities (and their filters and facets); one added is
 *       linked, named as the analyst gave it;
 *   <li>a story detached makes the article a story of its own ({@code detached:ID}, one source);
 *       one joined moves it to that story.
 * </ul>
 */
public final class CorrectionOverlay {
  /** Prefix of the story of an article detached from its story. */
  public static final String DETACHED_STORY = "detached:";

  private CorrectionOverlay() {}

  /**
   * {@code doc} as the machine judged it, with {@code corrections} (those of this document) on top;
   * with none, the machine's document.
   */
  public static ArticleDocument apply(ArticleDocument doc, Collection<Correction> corrections) {
    if (corrections.isEmpty()) {
      return doc.asJudgedByTheMachine();
    }
    ArticleDocument.Machine machine = doc.machineJudgement();
    List<StanceRef> stance = new ArrayList<>(machine.stance());
    List<EntityRef> entities = new ArrayList<>(machine.entities());
    String story = machine.storyId();
    int storySources = machine.storySources();
    boolean offTopic = false;
    List<String> fields = new ArrayList<>();
    List<Correction> ordered = new ArrayList<>(corrections);
    ordered.sort(Comparator.comparing(Correction::getField));
    for (Correction c : ordered) {
      fields.add(c.getField());
      if (c.getStance() != null) {
        String target = c.getStance().getTarget();
        StanceRef corrected =
            new StanceRef(
                target, c.getStance().getLabel(), scoreOf(c.getStance().getLabel()), List.of());
        int at = indexOfTarget(stance, target);
        if (at >= 0) {
          stance.set(at, corrected);
        } else {
          stance.add(corrected);
        }
      } else if (c.getRelevant() != null) {
        offTopic = !c.getRelevant();
      } else if (c.getEntity() != null) {
        String id = c.getEntity().getId();
        int at = indexOfEntity(entities, id);
        if (c.getEntity().getAction() == EntityAction.REMOVE) {
          entities.removeIf(e -> e.id().equals(id));
        } else if (at >= 0) {
          EntityRef e = entities.get(at);
          entities.set(
              at, new EntityRef(e.id(), e.name(), e.type(), Math.max(1, e.mentions()), true));
        } else {
          String name =
              c.getEntity().getName() != null
                  ? c.getEntity().getName()
                  : c.getEntity().getMention();
          String type = c.getEntity().getType() != null ? c.getEntity().getType() : "";
          entities.add(new EntityRef(id, name == null ? id : name, type, 1, true));
        }
      } else if (c.getStory() != null) {
        if (c.getStory().getDetach()) {
          story = DETACHED_STORY + doc.id();
          storySources = 1;
        } else if (c.getStory().getJoin() != null) {
          story = c.getStory().getJoin();
        }
      }
    }
    return doc.withJudgement(
        stance,
        entities,
        story,
        storySources,
        offTopic,
        new ArticleDocument.Overlay(fields, machine));
  }

  /** The signed score a corrected label carries: +1 favor, -1 against, 0 neutral. */
  static double scoreOf(String label) {
    return switch (label) {
      case "favor" -> 1.0;
      case "against" -> -1.0;
      default -> 0.0;
    };
  }

  private static int indexOfTarget(List<StanceRef> stance, String target) {
    for (int i = 0; i < stance.size(); i++) {
      if (stance.get(i).target().equals(target)) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfEntity(List<EntityRef> entities, String id) {
    for (int i = 0; i < entities.size(); i++) {
      if (entities.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
