package io.vigia.enrich.figures;

import io.vigia.schemas.Figure;
import io.vigia.schemas.FigureClaim;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One figure as a story remembers it: the value with its precision, and which article, outlet and
 * attribution state it. What the story figure table keeps per claim, in a compact binary form.
 */
record StoredClaim(
    String quantity,
    String subject,
    String subjectName,
    double value,
    Double max,
    Double total,
    double precision,
    String attributedTo,
    String articleId,
    String source,
    String text,
    long time) {

  static StoredClaim of(Figure f, String articleId, String source, long time) {
    return new StoredClaim(
        f.getQuantity(),
        f.getSubject(),
        f.getSubjectName(),
        f.getValue(),
        f.getMax(),
        f.getTotal(),
        f.getPrecision(),
        f.getAttributedTo(),
        articleId,
        source,
        f.getText(),
        time);
  }

  /**
   * Whose word the value is: the one the article attributes it to, else the outlet's own. Two
   * claims in one voice are never in conflict: the later is a revision (a first bulletin, then the
   * final one; a running count).
   */
  String voice() {
    return attributedTo != null ? "by:" + attributedTo : "outlet:" + source;
  }

  double upper() {
    return max != null ? max : value;
  }

  FigureClaim toAvro() {
    return FigureClaim.newBuilder()
        .setArticleId(articleId)
        .setSource(source)
        .setAttributedTo(attributedTo)
        .setText(text)
        .build();
  }

  void write(DataOutputStream out) throws IOException {
    out.writeUTF(quantity);
    out.writeUTF(subject);
    out.writeUTF(subjectName);
    out.writeDouble(value);
    out.writeDouble(max == null ? Double.NaN : max);
    out.writeDouble(total == null ? Double.NaN : total);
    out.writeDouble(precision);
    out.writeUTF(attributedTo == null ? "\u0000" : attributedTo);
    out.writeUTF(articleId);
    out.writeUTF(source);
    out.writeUTF(text.length() > 200 ? text.substring(0, 200) : text);
    out.writeLong(time);
  }

  static StoredClaim read(DataInputStream in) throws IOException {
    String quantity = in.readUTF();
    String subject = in.readUTF();
    String subjectName = in.readUTF();
    double value = in.readDouble();
    double max = in.readDouble();
    double total = in.readDouble();
    double precision = in.readDouble();
    String by = in.readUTF();
    return new StoredClaim(
        quantity,
        subject,
        subjectName,
        value,
        Double.isNaN(max) ? null : max,
        Double.isNaN(total) ? null : total,
        precision,
        by.equals("\u0000") ? null : by,
        in.readUTF(),
        in.readUTF(),
        in.readUTF(),
        in.readLong());
  }
}
