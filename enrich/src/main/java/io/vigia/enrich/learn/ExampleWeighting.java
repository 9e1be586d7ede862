package io.vigia.enrich.learn;

import io.vigia.enrich.stance.StanceModel;
import io.vigia.enrich.stance.StanceTraining;
import io.vigia.schemas.StanceLabel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How much an analyst's examples count against the profile's own training data when {@code vigia
 * learn} retrains the stance model. The examples come from the analyst's own sources and the
 * analyst's own reading of them: the distribution the model will be used on. The bundled data is
 * someone else's. So the examples may count more (each {@code weight} times), the weight fixed
 * ({@code --example-weight N}) or, by default, chosen among {@link #CANDIDATES} and "as much as the
 * bundled data together" (the examples' total weight equal to the bundled rows') by
 * cross-validation inside the examples: each fold of them predicted by a model trained on the
 * bundled data plus the other folds, the weight of the best macro-F1 taken, ties to the smaller
 * weight (so with few or uninformative examples it stays 1, as before).
 *
 * <p>When the examples' labels are skewed (the most frequent label at least {@link #SKEW} times the
 * least frequent, an absent label counting 0), each is also weighted by n / (3 × the count of its
 * label) among the examples, so that each label's examples weigh alike: the figure that matters is
 * macro-F1, and an analyst who corrects mostly one kind of error should not teach the model that
 * the other labels are rare. {@code --class-balance on|off} forces it either way.
 *
 * @param weight the examples' weight, or null to choose it by cross-validation
 * @param classBalance when to balance the examples' labels
 */
public record ExampleWeighting(Double weight, ClassBalance classBalance) {
  /** Weights tried by cross-validation, besides the one that balances the two sources. */
  public static final double[] CANDIDATES = {1, 2, 4, 8};

  /** Labels are skewed when the most frequent is at least this many times the least frequent. */
  public static final double SKEW = 2.0;

  /** When the examples' labels are balanced. */
  public enum ClassBalance {
    AUTO,
    ON,
    OFF
  }

  public ExampleWeighting {
    if (weight != null && (!(weight > 0) || weight.isInfinite())) {
      throw new IllegalArgumentException("the examples' weight must be positive, not " + weight);
    }
  }

  /** The default of {@code vigia learn}: weight by cross-validation, balance when skewed. */
  public static ExampleWeighting chosen() {
    return new ExampleWeighting(null, ClassBalance.AUTO);
  }

  /** Every example counts as one bundled row (learning before December 2026 worked so). */
  public static ExampleWeighting none() {
    return new ExampleWeighting(1.0, ClassBalance.OFF);
  }

  /** The weights to try for {@code added} examples over {@code base} bundled rows. */
  List<Double> candidates(int base, int added) {
    if (weight != null) {
      return List.of(weight);
    }
    Set<Double> out = new LinkedHashSet<>();
    for (double c : CANDIDATES) {
      out.add(c);
    }
    if (added > 0 && base > added) {
      out.add(Math.round(100.0 * base / added) / 100.0);
    }
    return new ArrayList<>(out);
  }

  /** Whether {@code rows}' labels are balanced under this setting. */
  boolean balances(List<StanceTraining.Row> rows) {
    return switch (classBalance) {
      case ON -> true;
      case OFF -> false;
      case AUTO -> skewed(rows);
    };
  }

  static boolean skewed(List<StanceTraining.Row> rows) {
    int[] n = counts(rows);
    int max = 0;
    int min = Integer.MAX_VALUE;
    for (int c : n) {
      max = Math.max(max, c);
      min = Math.min(min, c);
    }
    return !rows.isEmpty() && max >= SKEW * min;
  }

  /**
   * The rows weighted {@code w}, times their label's balancing factor when {@code balance}: n / (k
   * × the count of the label), k the number of labels present.
   */
  static List<StanceTraining.Row> weigh(List<StanceTraining.Row> rows, double w, boolean balance) {
    int[] n = counts(rows);
    int present = 0;
    for (int c : n) {
      present += c > 0 ? 1 : 0;
    }
    List<StanceTraining.Row> out = new ArrayList<>();
    for (StanceTraining.Row r : rows) {
      double f = balance ? (double) rows.size() / (present * n[index(r.label())]) : 1.0;
      out.add(r.weighted(w * f));
    }
    return out;
  }

  private static int[] counts(List<StanceTraining.Row> rows) {
    int[] n = new int[StanceModel.CLASSES.size()];
    for (StanceTraining.Row r : rows) {
      n[index(r.label())]++;
    }
    return n;
  }

  private static int index(StanceLabel l) {
    return StanceModel.CLASSES.indexOf(l);
  }

  /**
   * As the report and the model's hyper-parameters say it: "chosen by cross-validation" or "×4".
   */
  public String describe() {
    String w =
        weight == null
            ? "chosen by cross-validation among "
                + String.join(
                    ", ",
                    java.util.Arrays.stream(CANDIDATES)
                        .mapToObj(c -> String.format(Locale.ROOT, "%.0f", c))
                        .toList())
                + " and the bundled rows' total"
            : String.format(Locale.ROOT, "%s", weight);
    return "weight " + w + ", class balance " + classBalance.name().toLowerCase(Locale.ROOT);
  }
}
