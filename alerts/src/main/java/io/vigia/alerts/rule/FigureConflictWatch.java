package io.vigia.alerts.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.profile.QuantityName;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.FigureConflict;

/**
 * The {@code figureConflict} part of a rule: the article's story has a figure conflict (of {@code
 * quantity}, when one is given). Enrich writes on each article the conflicts its story had when the
 * article was judged, so the first article that carries a matching conflict is the moment the
 * conflict appeared; the rule is a story rule, so later articles of the story do not fire again.
 *
 * @param quantity null for any quantity; else one quantity of the profile's vocabulary ({@code
 *     turnout}, {@code vote-share}, ...)
 */
public record FigureConflictWatch(String quantity) {
  /** The two keys of a subscription's {@code query} this reads; the rest is the search's. */
  static final String FLAG = "figureConflict";

  static final String QUANTITY = "quantity";

  public FigureConflictWatch {
    if (quantity != null && !QuantityName.isWellFormed(quantity)) {
      throw new IllegalArgumentException("'quantity' must be " + QuantityName.EXPECTED);
    }
  }

  /**
   * Takes {@code figureConflict} and {@code quantity} out of {@code query} (which is left with the
   * search's filters only) and returns the watch they describe, or null when the rule has none.
   */
  static FigureConflictWatch takeFrom(ObjectNode query) {
    JsonNode flag = query.remove(FLAG);
    JsonNode quantity = query.remove(QUANTITY);
    if (flag != null && !flag.isBoolean()) {
      throw new IllegalArgumentException("'figureConflict' must be true or false");
    }
    boolean on = flag != null && flag.booleanValue();
    if (quantity != null && !quantity.isNull()) {
      if (!on) {
        throw new IllegalArgumentException(
            "'quantity' only narrows a figure conflict rule: add \"figureConflict\": true");
      }
      if (!quantity.isTextual()) {
        throw new IllegalArgumentException(
            "'quantity' must be a string, such as \"turnout\" (one quantity per rule)");
      }
      return new FigureConflictWatch(quantity.asText());
    }
    return on ? new FigureConflictWatch(null) : null;
  }

  public boolean matches(EnrichedArticle e) {
    for (FigureConflict c : e.getFigureConflicts()) {
      if (quantity == null || quantity.equals(c.getQuantity())) {
        return true;
      }
    }
    return false;
  }

  void writeTo(ObjectNode query) {
    query.put(FLAG, true);
    if (quantity != null) {
      query.put(QUANTITY, quantity);
    }
  }
}
