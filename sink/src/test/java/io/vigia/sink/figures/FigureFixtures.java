package io.vigia.sink.figures;

import io.vigia.schemas.ConflictingValue;
import io.vigia.schemas.Dedup;
import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Figure;
import io.vigia.schemas.FigureClaim;
import io.vigia.schemas.FigureConflict;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.search.ArticleDocument;
import java.time.Instant;
import java.util.List;

/**
 * Two stories written as enrich writes them, through {@link ArticleDocument#from}: the turnout
 * story (the CNE's 42.26 %, the same written "42,3 %" by another outlet, the opposition's 30 % in a
 * third: a conflict; most votes in 20 of 23 states and 18 of 23 governorships: two quantities, no
 * conflict) and the detainees story (a range, no conflict).
 */
public final class FigureFixtures {
  public static final String TURNOUT_STORY = "story-turnout";
  public static final String DETAINED_STORY = "story-detained";
  public static final String ELECTION = "event:2024-presidential-election";
  public static final String PSUV = "vigia:org/psuv";
  public static final String PROTESTS = "2024 post-election protests";

  public static final ArticleDocument CNE_BULLETIN =
      doc(
          "https://caribe.example/cne",
          "Caribe Diario",
          TURNOUT_STORY,
          "2024-07-29T10:00:00Z",
          List.of(
              figure(
                  "turnout",
                  ELECTION,
                  0.4226,
                  null,
                  null,
                  false,
                  0.00005,
                  "vigia:org/cne",
                  "42,26 %"),
              figure(
                  "states-won-by-votes",
                  PSUV,
                  20,
                  23.0,
                  null,
                  false,
                  0.5,
                  null,
                  "más votos en 20 de los 23 estados")),
          List.of());

  public static final ArticleDocument SAME_TURNOUT =
      doc(
          "https://andino.example/participacion",
          "Monitor Andino",
          TURNOUT_STORY,
          "2024-07-29T12:00:00Z",
          List.of(
              figure(
                  "turnout", ELECTION, 0.423, null, null, false, 0.0005, null, "42,3 por ciento"),
              figure(
                  "governorships-won",
                  PSUV,
                  18,
                  23.0,
                  null,
                  false,
                  0.5,
                  null,
                  "18 de las 23 gobernaciones")),
          List.of());

  public static final ArticleDocument OPPOSITION_TURNOUT =
      doc(
          "https://orinoco.example/turnout",
          "Orinoco Times",
          TURNOUT_STORY,
          "2024-07-29T14:00:00Z",
          List.of(
              figure(
                  "turnout",
                  ELECTION,
                  0.30,
                  null,
                  null,
                  true,
                  0.005,
                  "the opposition",
                  "about 30%")),
          List.of(
              conflict(
                  "turnout",
                  ELECTION,
                  value(
                      0.4226,
                      claim("https://caribe.example/cne", "Caribe Diario", "vigia:org/cne")),
                  value(
                      0.423, claim("https://andino.example/participacion", "Monitor Andino", null)),
                  value(
                      0.30,
                      claim(
                          "https://orinoco.example/turnout", "Orinoco Times", "the opposition")))));

  public static final ArticleDocument DETAINEES =
      doc(
          "https://caribe.example/detenidos",
          "Caribe Diario",
          DETAINED_STORY,
          "2024-08-02T09:00:00Z",
          List.of(
              figure(
                  "detained",
                  PROTESTS,
                  1200,
                  null,
                  1500.0,
                  true,
                  50,
                  "Foro Penal",
                  "entre 1.200 y 1.500 detenidos")),
          List.of());

  public static final List<ArticleDocument> ALL =
      List.of(CNE_BULLETIN, SAME_TURNOUT, OPPOSITION_TURNOUT, DETAINEES);

  /** A share whose subject is an opaque id named after a slash, as enrich writes Q57413's. */
  public static final String MADURO = "Q57413/nicolas-maduro";

  public static final String SHARE_STORY = "story-share";

  /** Not in {@link #ALL}: written by the tests of subjects named after their id. */
  public static final ArticleDocument MADURO_SHARE =
      doc(
          "https://llanos.example/resultado",
          "Llanos Hoy",
          SHARE_STORY,
          "2024-07-29T11:00:00Z",
          List.of(
              figure(
                  "vote-share",
                  MADURO,
                  0.512,
                  null,
                  null,
                  false,
                  0.0005,
                  "vigia:org/cne",
                  "51,2 %")),
          List.of());

  private FigureFixtures() {}

  public static String id(String url) {
    return SampleArticles.id(url);
  }

  static ArticleDocument doc(
      String url,
      String source,
      String story,
      String published,
      List<Figure> figures,
      List<FigureConflict> conflicts) {
    RawArticle a =
        SampleArticles.raw(url, source + ": resultados", "Texto de " + source)
            .setSource(source)
            .setPublishedAt(Instant.parse(published))
            .build();
    EnrichedArticle e = SampleArticles.enriched(a);
    e.setDedup(
        Dedup.newBuilder()
            .setStatus(DedupStatus.ORIGINAL)
            .setStoryId(story)
            .setStorySources(3)
            .build());
    e.setFigures(figures);
    e.setFigureConflicts(conflicts);
    return ArticleDocument.from(e, Instant.parse("2024-08-03T00:00:00Z"));
  }

  static Figure figure(
      String quantity,
      String subject,
      double value,
      Double total,
      Double max,
      boolean approximate,
      double precision,
      String attributedTo,
      String text) {
    return Figure.newBuilder()
        .setQuantity(quantity)
        .setSubject(subject)
        .setSubjectName(subject.startsWith("event:") ? "2024 presidential election" : subject)
        .setValue(value)
        .setTotal(total)
        .setMax(max)
        .setApproximate(approximate)
        .setPrecision(precision)
        .setAttributedTo(attributedTo)
        // as enrich names it: the article's election, none for a count of detained people
        .setElection(quantity.equals("detained") ? null : ELECTION)
        .setText(text)
        .setStart(0)
        .setEnd(text.length())
        .build();
  }

  static FigureConflict conflict(String quantity, String subject, ConflictingValue... values) {
    return FigureConflict.newBuilder()
        .setQuantity(quantity)
        .setSubject(subject)
        .setElection(ELECTION)
        .setValues(List.of(values))
        .build();
  }

  static ConflictingValue value(double v, FigureClaim... claims) {
    return ConflictingValue.newBuilder().setValue(v).setClaims(List.of(claims)).build();
  }

  static FigureClaim claim(String url, String source, String attributedTo) {
    return FigureClaim.newBuilder()
        .setArticleId(id(url))
        .setSource(source)
        .setAttributedTo(attributedTo)
        .setText("")
        .build();
  }
}
