package io.vigia.search;

import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Figure;
import io.vigia.schemas.FigureConflict;
import io.vigia.search.ArticleDocument.ClaimRef;
import io.vigia.search.ArticleDocument.ConflictRef;
import io.vigia.search.ArticleDocument.ConflictValueRef;
import io.vigia.search.ArticleDocument.FigureRef;
import java.util.List;

/** The figures and figure conflicts of an enriched record, as the index stores them. */
final class FigureRecords {
  private FigureRecords() {}

  static List<FigureRef> figures(EnrichedArticle e) {
    return e.getFigures().stream().map(FigureRecords::figure).toList();
  }

  static List<ConflictRef> conflicts(EnrichedArticle e) {
    return e.getFigureConflicts().stream().map(FigureRecords::conflict).toList();
  }

  private static FigureRef figure(Figure f) {
    return new FigureRef(
        f.getQuantity(),
        f.getSubject(),
        f.getSubjectName(),
        f.getValue(),
        f.getTotal(),
        f.getMax(),
        f.getApproximate(),
        f.getPrecision(),
        f.getAttributedTo(),
        f.getText(),
        f.getStart(),
        f.getEnd(),
        f.getElection());
  }

  private static ConflictRef conflict(FigureConflict c) {
    return new ConflictRef(
        c.getQuantity(),
        c.getSubject(),
        c.getElection(),
        c.getValues().stream()
            .map(
                v ->
                    new ConflictValueRef(
                        v.getValue(),
                        v.getMax(),
                        v.getClaims().stream()
                            .map(
                                k ->
                                    new ClaimRef(
                                        k.getArticleId(),
                                        k.getSource(),
                                        k.getAttributedTo(),
                                        k.getText()))
                            .toList()))
            .toList());
  }
}
