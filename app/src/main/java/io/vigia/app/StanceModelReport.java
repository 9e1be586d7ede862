package io.vigia.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vigia.enrich.stance.StanceModel;
import java.util.Locale;

/**
 * How a trained stance model reads on the terminal: its cross-validated figures and reliability.
 */
final class StanceModelReport {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StanceModelReport() {}

  static String of(StanceModel model) {
    StringBuilder b = new StringBuilder();
    model
        .targets()
        .forEach(
            (name, m) -> {
              var cv = m.crossValidated();
              b.append(
                  String.format(
                      Locale.ROOT,
                      "stance-train %s: %d examples, l2 %.3f, temperature %.2f; %d-fold cross-validated macro-F1 %.3f "
                          + "(favor %.3f, against %.3f, neutral %.3f), log-loss %.3f%n",
                      name,
                      m.examples(),
                      m.l2(),
                      m.temperature(),
                      ((Number) model.hyperParameters().get("folds")).intValue(),
                      cv.get("macroF1"),
                      cv.get("favor"),
                      cv.get("against"),
                      cv.get("neutral"),
                      cv.get("logLoss")));
              if (Boolean.TRUE.equals(model.hyperParameters().get("lexical"))) {
                b.append(
                    m.lexical() == null
                        ? "  lexical part: off (cross-validation did not take it)\n"
                        : String.format(
                            Locale.ROOT,
                            "  lexical part: %d terms, l2 %.4f%n",
                            m.lexical().terms().size(),
                            m.lexical().l2()));
              }
              b.append(
                  "  reliability (out-of-fold): confidence bin, labels, mean confidence, share right\n");
              for (StanceModel.Bin bin : m.reliability()) {
                if (bin.count() > 0) {
                  b.append(
                      String.format(
                          Locale.ROOT,
                          "  [%.2f, %.2f)  %3d  %.3f  %.3f%n",
                          bin.from(),
                          bin.to(),
                          bin.count(),
                          bin.confidence(),
                          bin.accuracy()));
                }
              }
            });
    return b.toString();
  }
}
