package io.vigia.enrich.learn;

import io.vigia.enrich.stance.OutletLeans;
import io.vigia.enrich.stance.StanceModel;
import io.vigia.enrich.stance.StanceTraining;
import io.vigia.schemas.StanceLabel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much an outlet's labelled articles should move the next article's stance, chosen by the same
 * folds that judge the retrained model: each example is predicted from its out-of-fold
 * probabilities, moved by the lean of its outlet as the <em>other</em> folds' examples (and the
 * labelled articles of earlier versions) show it, never by its own label. Each strength of {@link
 * OutletLeans#STRENGTHS} is tried; the best macro-F1 wins, ties to the weaker, so that 0 (the
 * outlet not used) stays unless the outlets help on the examples themselves.
 */
final class OutletLeanChoice {
  private OutletLeanChoice() {}

  /** The strength taken, the out-of-fold labels at it, and the macro-F1 of every strength. */
  record Result(double strength, StanceLabel[] outOfFold, Map<Double, Double> tried) {}

  /**
   * @param logits out-of-fold logits of the examples
   * @param temperature the model's, so that the lean moves calibrated probabilities, as it will
   * @param outlets the outlet of each example (null: none known)
   * @param fold the fold of each example
   * @param earlier labels by outlet that every fold may use (earlier versions' articles)
   */
  static Result choose(
      double[][] logits,
      double temperature,
      StanceLabel[] gold,
      String[] outlets,
      int[] fold,
      Map<String, int[]> earlier) {
    int classes = StanceModel.CLASSES.size();
    int[][] counts = new int[gold.length][];
    for (int i = 0; i < gold.length; i++) {
      if (outlets[i] == null) {
        continue;
      }
      int[] c = new int[classes];
      int[] before = earlier.get(outlets[i]);
      boolean any = before != null;
      if (before != null) {
        System.arraycopy(before, 0, c, 0, classes);
      }
      for (int j = 0; j < gold.length; j++) {
        if (fold[j] != fold[i] && outlets[i].equals(outlets[j])) {
          c[StanceModel.CLASSES.indexOf(gold[j])]++;
          any = true;
        }
      }
      counts[i] = any ? c : null;
    }
    Result best = null;
    Map<Double, Double> tried = new LinkedHashMap<>();
    for (double strength : OutletLeans.STRENGTHS) {
      StanceLabel[] labels = new StanceLabel[gold.length];
      for (int i = 0; i < gold.length; i++) {
        double[] p = StanceTraining.probabilities(logits[i], temperature);
        labels[i] =
            StanceModel.CLASSES.get(
                StanceTraining.argmax(OutletLeans.apply(p, counts[i], strength)));
      }
      double f1 = StanceTraining.macroF1(labels, gold)[0];
      tried.put(strength, f1);
      if (best == null || f1 > tried.get(best.strength()) + 1e-9) {
        best = new Result(strength, labels, tried);
      }
    }
    return best;
  }
}
