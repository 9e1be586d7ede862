package io.vigia.enrich.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.schemas.ConflictingValue;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Figure;
import io.vigia.schemas.FigureClaim;
import io.vigia.schemas.FigureConflict;

/** The {@code figures} and {@code figureConflicts} of a {@code vigia enrich} output line. */
final class FigureJson {
  private FigureJson() {}

  static void write(EnrichedArticle e, ObjectNode o) {
    ArrayNode figures = o.putArray("figures");
    for (Figure f : e.getFigures()) {
      ObjectNode fo = figures.addObject();
      fo.put("quantity", f.getQuantity());
      fo.put("subject", f.getSubject());
      fo.put("subjectName", f.getSubjectName());
      fo.put("value", f.getValue());
      fo.put("total", f.getTotal());
      fo.put("max", f.getMax());
      fo.put("approximate", f.getApproximate());
      fo.put("precision", f.getPrecision());
      fo.put("attributedTo", f.getAttributedTo());
      fo.put("election", f.getElection());
      fo.put("text", f.getText());
      fo.put("start", f.getStart());
      fo.put("end", f.getEnd());
    }
    ArrayNode conflicts = o.putArray("figureConflicts");
    for (FigureConflict c : e.getFigureConflicts()) {
      ObjectNode co = conflicts.addObject();
      co.put("quantity", c.getQuantity());
      co.put("subject", c.getSubject());
      co.put("election", c.getElection());
      ArrayNode values = co.putArray("values");
      for (ConflictingValue v : c.getValues()) {
        ObjectNode vo = values.addObject();
        vo.put("value", v.getValue());
        vo.put("max", v.getMax());
        ArrayNode claims = vo.putArray("claims");
        for (FigureClaim cl : v.getClaims()) {
          claims
              .addObject()
              .put("articleId", cl.getArticleId())
              .put("source", cl.getSource())
              .put("attributedTo", cl.getAttributedTo())
              .put("text", cl.getText());
        }
      }
    }
  }
}
