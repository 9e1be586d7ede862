package io.vigia.enrich.figures;

import io.vigia.schemas.Figure;
import io.vigia.schemas.FigureClaim;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One figure as a story remembers it: the value with its precision, the election it is about, and
 * which article, outlet and attribution state it. What the story figure table keeps per claim, in a
 * compact binary form ({@link #write}; {@link #read} reads it in the table's format 2, and format
 * 1, written before claims knew their election, as claims of no known election).
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
    String election,
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
        f.getElection(),
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
  /**
   * Whether the two are about different elections, as far as both are known: a claim with no
   * election (a count of detained people, a claim stored before claims had one) is about any.
   */
  boolean otherElectionThan(StoredClaim o) {
    return election != null && o.election != null && !election.equals(o.election);
  }

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
    out.writeUTF(attributedTo == null ? NONE : attributedTo);
    out.writeUTF(election == null ? NONE : election);
    out.writeUTF(articleId);
    out.writeUTF(source);
    out.writeUTF(text.length() > 200 ? text.substring(0, 200) : text);
    out.writeLong(time);
  }

  /** Written for a missing attribution or election. */
  private static final String NONE = "\u0000";

  /**
   * A claim as {@link #write} wrote it in table format {@code format}: 2 carries the election after
   * the attribution, 1 (older tables) none.
   */
  static StoredClaim read(DataInputStream in, int format) throws IOException {
    String quantity = in.readUTF();
    String subject = in.readUTF();
    String subjectName = in.readUTF();
    double value = in.readDouble();
    double max = in.readDouble();
    double total = in.readDouble();
    double precision = in.readDouble();
    String by = in.readUTF();
    String election = format >= 2 ? in.readUTF() : NONE;
    return new StoredClaim(
        quantity,
        subject,
        subjectName,
        value,
        Double.isNaN(max) ? null : max,
        Double.isNaN(total) ? null : total,
        precision,
        by.equals(NONE) ? null : by,
        election.equals(NONE) ? null : election,
        in.readUTF(),
        in.readUTF(),
        in.readUTF(),
        in.readLong());
  }
}
