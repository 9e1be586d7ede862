package io.vigia.enrich.figures;

import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.entities.KnowledgeBase;
import io.vigia.enrich.entities.KnowledgeBaseEntityLinker;
import io.vigia.schemas.Figure;
import io.vigia.schemas.RawArticle;
import java.time.Instant;
import java.util.List;

/** The bundled profile's figures stage, and articles made of a few sentences. */
final class FigureFixtures {
  static final WatchProfile PROFILE = WatchProfile.load("venezuela-elections");
  static final KnowledgeBase KB = KnowledgeBase.fromProfile(PROFILE);
  static final FigureVocabulary VOCABULARY =
      FigureVocabulary.from(PROFILE.readTree("figures.yaml").orElseThrow(), "figures.yaml");
  static final ProfileFigureExtractor EXTRACTOR = new ProfileFigureExtractor(VOCABULARY, KB);
  private static final KnowledgeBaseEntityLinker LINKER = new KnowledgeBaseEntityLinker(KB);

  private FigureFixtures() {}

  static RawArticle article(String id, String published, String text) {
    Instant at = Instant.parse(published);
    return RawArticle.newBuilder()
        .setId(id)
        .setUrl("https://" + id + ".example/a")
        .setCanonicalUrl("https://" + id + ".example/a")
        .setSource(id + ".example")
        .setTitle("")
        .setText(text)
        .setPublishedAt(at)
        .setFetchedAt(at)
        .setContentHash(id)
        .build();
  }

  static List<Figure> figures(String published, String text) {
    RawArticle a = article("t", published, text);
    return EXTRACTOR.extract(a, LINKER.link("", text, null));
  }

  /** The figures of one quantity. */
  static List<Figure> of(List<Figure> fs, String quantity) {
    return fs.stream().filter(f -> f.getQuantity().equals(quantity)).toList();
  }

  /** The figure of that quantity and value, or an assertion error that lists what there is. */
  static Figure valued(List<Figure> fs, String quantity, double value) {
    return of(fs, quantity).stream()
        .filter(f -> Math.abs(f.getValue() - value) < 1e-6 * Math.max(1, value))
        .findFirst()
        .orElseThrow(() -> new AssertionError(quantity + " = " + value + " not in " + fs));
  }
}
