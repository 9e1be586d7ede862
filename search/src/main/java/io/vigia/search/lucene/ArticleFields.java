package io.vigia.search.lucene;

import io.vigia.common.text.TextNormalizer;
import io.vigia.search.ArticleDocument;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * An article's Lucene fields and their analysis: what the embedded index writes, and what an alert
 * subscription is checked against one article at a time ({@link ArticleMatch}), so both see the
 * same terms. {@link ArticleQueries} reads the same fields.
 */
public final class ArticleFields {
  public static final String ID = "id";
  public static final String TIME = "time";

  /**
   * The article's local day ({@link ArticleDocument#publishedDay()}): what per-day counts group by.
   */
  public static final String DAY_DV = "day_dv";

  public static final String ID_DV = "id_dv";
  public static final String ENTITY_NAME = "entity_name";
  public static final String STORY_SOURCES = "story_sources";

  /** {@code true} on a document an analyst marked off topic; absent otherwise. */
  public static final String OFF_TOPIC = "off_topic";

  /** Doc values the facets read: {@code id SEP name SEP type} of every linked entity. */
  public static final String ENTITY_DV = "entity_dv";

  /** Doc values the facets read: {@code target:label} of every stance. */
  public static final String STANCE_DV = "stance_dv";

  public static final String SOURCE_DV = "source_dv";
  public static final String STORY_DV = "story_dv";

  /** Doc values the facets read: the title, cut at 300 characters. */
  public static final String TITLE_DV = "title_dv";

  /** Every quantity the article states a figure of ({@code turnout}, {@code vote-share}...). */
  public static final String FIGURE_QUANTITY = "figure_quantity";

  /** Every subject the article states a figure about (an entity id or a name). */
  public static final String FIGURE_SUBJECT = "figure_subject";

  /** Every election the article states a figure about (an election id). */
  public static final String FIGURE_ELECTION = "figure_election";

  /**
   * {@code quantity SEP subject} of every figure: a quantity and a subject must come from one
   * figure, not from two of the same article.
   */
  public static final String FIGURE = "figure";

  /** Separates the parts of {@link #ENTITY_DV}. */
  public static final char SEP = '\t';

  private static final Analyzer ANALYZER =
      new PerFieldAnalyzerWrapper(
          new FoldingAnalyzer(),
          Map.of(
              "text_es",
              new SpanishAnalyzer(),
              "text_en",
              new EnglishAnalyzer(),
              "title_es",
              new SpanishAnalyzer(),
              "title_en",
              new EnglishAnalyzer()));

  private ArticleFields() {}

  /**
   * The analysers of the index: folded words for every field, Spanish and English stemming on their
   * own fields.
   */
  public static Analyzer analyzer() {
    return ANALYZER;
  }

  /** The indexed fields of a document (the index adds the stored JSON itself). */
  public static Document document(ArticleDocument d) {
    Document doc = new Document();
    doc.add(new StringField(ID, d.id(), Field.Store.NO));
    doc.add(new SortedDocValuesField(ID_DV, new BytesRef(d.id())));
    doc.add(new TextField("title", nz(d.title()), Field.Store.NO));
    doc.add(new TextField("text", nz(d.text()), Field.Store.NO));
    String lang = d.language() == null ? "" : d.language();
    if (lang.equals("es") || lang.equals("en")) {
      doc.add(new TextField("title_" + lang, nz(d.title()), Field.Store.NO));
      doc.add(new TextField("text_" + lang, nz(d.text()), Field.Store.NO));
    }
    keyword(doc, "language", lang);
    keyword(doc, "source", d.source());
    keyword(doc, "story", d.storyId());
    keyword(doc, "dedup", d.dedupStatus());
    if (d.offTopic()) {
      keyword(doc, OFF_TOPIC, "true");
    }
    for (ArticleDocument.EntityRef e : d.entities()) {
      keyword(doc, "entity", e.id());
      keyword(doc, ENTITY_NAME, TextNormalizer.fold(e.name()));
      if (e.linked()) {
        doc.add(
            new SortedSetDocValuesField(
                ENTITY_DV, new BytesRef(e.id() + SEP + e.name() + SEP + e.type())));
      }
    }
    for (ArticleDocument.StanceRef s : d.stance()) {
      keyword(doc, "stance", s.target() + ":" + s.label());
      doc.add(new SortedSetDocValuesField(STANCE_DV, new BytesRef(s.target() + ":" + s.label())));
    }
    for (ArticleDocument.FigureRef f : d.figures()) {
      keyword(doc, FIGURE_QUANTITY, f.quantity());
      keyword(doc, FIGURE_SUBJECT, f.subject());
      keyword(doc, FIGURE, f.quantity() + SEP + f.subject());
      keyword(doc, FIGURE_ELECTION, f.election());
    }
    if (d.source() != null) {
      doc.add(new SortedDocValuesField(SOURCE_DV, new BytesRef(d.source())));
    }
    if (d.storyId() != null) {
      doc.add(new SortedDocValuesField(STORY_DV, new BytesRef(d.storyId())));
    }
    doc.add(new IntPoint(STORY_SOURCES, d.storySources()));
    String title = nz(d.title());
    doc.add(
        new SortedDocValuesField(
            TITLE_DV, new BytesRef(title.length() > 300 ? title.substring(0, 300) : title)));
    if (d.effectiveTime() != null) {
      // No time, no value: such a document sorts last either way and no date range matches it, as
      // in OpenSearch.
      long t = d.effectiveTime().toEpochMilli();
      doc.add(new LongPoint(TIME, t));
      doc.add(new NumericDocValuesField(TIME, t));
      doc.add(new SortedDocValuesField(DAY_DV, new BytesRef(d.publishedDay())));
    }
    return doc;
  }

  private static void keyword(Document doc, String field, String value) {
    if (value != null && !value.isEmpty()) {
      doc.add(new StringField(field, value, Field.Store.NO));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
