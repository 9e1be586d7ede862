package io.vigia.enrich.learn;

import java.util.List;
import java.util.Locale;

/**
 * The current profile and the new version measured on one set of examples (the examples file, the
 * corrections, or both together): stance macro-F1 per labelled target and relevance F1, before with
 * the current version, after cross-validated (each fold judged by a version that did not learn from
 * it).
 *
 * @param on what the examples are, as the report names them ("the corrections")
 * @param relevance null when too few examples are marked on and off topic
 */
public record BeforeAfter(
    String on,
    int examples,
    List<StanceLearner.Comparison> stance,
    RelevanceCalibration.Result relevance) {
  public BeforeAfter {
    stance = List.copyOf(stance);
  }

  public boolean worse() {
    return stance.stream().anyMatch(StanceLearner.Comparison::worse)
        || (relevance != null && relevance.worse());
  }

  /** The report's lines for this set. */
  public String text(int folds) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "  on %s (%d):%n", on, examples));
    for (StanceLearner.Comparison c : stance) {
      b.append(
          String.format(
              Locale.ROOT,
              "  stance %-18s %3d labelled  macro-F1 before %.3f (favor %.2f, against %.2f, neutral %.2f)"
                  + "  after %.3f (favor %.2f, against %.2f, neutral %.2f, %d-fold)%s%n",
              c.target(),
              c.examples(),
              c.before()[0],
              c.before()[1],
              c.before()[2],
              c.before()[3],
              c.after()[0],
              c.after()[1],
              c.after()[2],
              c.after()[3],
              folds,
              c.worse() ? "  WORSE" : ""));
      if (c.weighting() != null) {
        b.append("    after: ").append(c.weighting()).append('\n');
      }
    }
    if (relevance != null) {
      b.append(
          String.format(
              Locale.ROOT,
              "  relevance %3d labelled  threshold %.3f -> %.3f  F1 before %.3f (P %.2f, R %.2f)  after %.3f "
                  + "(P %.2f, R %.2f, %d-fold)%s%n",
              relevance.examples(),
              relevance.threshold(),
              relevance.newThreshold(),
              relevance.before()[0],
              relevance.before()[1],
              relevance.before()[2],
              relevance.after()[0],
              relevance.after()[1],
              relevance.after()[2],
              folds,
              relevance.worse() ? "  WORSE" : ""));
    } else {
      b.append(
          "  relevance: threshold kept (fewer than "
              + RelevanceCalibration.MIN_EACH
              + " examples marked on topic and off topic)\n");
    }
    return b.toString();
  }
}
