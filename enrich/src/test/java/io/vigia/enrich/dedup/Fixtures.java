package io.vigia.enrich.dedup;

import io.vigia.common.text.TextNormalizer;
import io.vigia.schemas.DedupStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test articles: fixture texts and the edits republishers and updates make to them. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2024-03-05T15:00:00Z");

  private Fixtures() {}

  public static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/io/vigia/enrich/dedup/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fingerprint of the observers' timetable report, for tests of what dedup stores. */
  static Fingerprint observersReport() {
    return Fingerprint.of(
        "Observers in Caracas publish their report", text("timetable-en.txt"), List.of("Q717"));
  }

  /**
   * An original as dedup stores it, with the observers' report's fingerprint: for tests of what the
   * state keeps and forgets, where the text does not matter.
   */
  static StoredArticle storedOriginal(String id, String story, long time) {
    return new StoredArticle(
        id,
        id,
        story,
        "wire.example",
        time,
        "https://wire.example/" + id,
        null,
        "h-" + id,
        DedupStatus.ORIGINAL,
        null,
        observersReport(),
        12.5);
  }

  /** The default settings with another retention. */
  static DedupSettings withRetention(Duration retention) {
    return settings(retention, DedupSettings.defaults().storyMinEvidence());
  }

  /** The default settings with another minimum of evidence of one event for a story. */
  static DedupSettings withMinEvidence(double minEvidence) {
    return settings(DedupSettings.defaults().retention(), minEvidence);
  }

  private static DedupSettings settings(Duration retention, double minEvidence) {
    DedupSettings d = DedupSettings.defaults();
    return new DedupSettings(
        retention,
        d.storyWindow(),
        d.storyDecay(),
        d.nearDuplicateJaccard(),
        d.containment(),
        d.storyOverlap(),
        d.storyMinShared(),
        d.bucketSize(),
        d.storyNamesOverlap(),
        d.storyNamesDecay(),
        minEvidence);
  }

  public static DedupInput article(String id, String url, String title, String text, Instant time) {
    return new DedupInput(
        id,
        url,
        null,
        TextNormalizer.contentHash(text),
        DedupInput.sourceOf(url, ""),
        time.toEpochMilli(),
        title,
        text,
        List.of());
  }

  /**
   * An engine with two unrelated articles stored the two hours before {@link #T0}: the names of the
   * articles a test stores next are weighed by rarity from the first one on, as on a running state,
   * not on a young state (of one article, where every rarity weight is 0 and the young-state rules
   * decide).
   */
  static DedupEngine engineWithTwoBackgroundArticles() {
    DedupEngine engine = new DedupEngine(new MemoryDedupStore(), DedupSettings.defaults());
    engine.decide(
        article(
            "watch",
            "https://other.example/watch",
            "Background",
            text("watch-background-en.txt"),
            T0.minusSeconds(7200)));
    engine.decide(
        article(
            "other",
            "https://other.example/other",
            "Other news",
            text("other-background-en.txt"),
            T0.minusSeconds(3600)));
    return engine;
  }

  public static Instant hoursLater(long h) {
    return T0.plus(Duration.ofHours(h));
  }

  static List<String> paragraphs(String text) {
    return new ArrayList<>(Arrays.asList(text.split("\n\n")));
  }

  /**
   * A syndicated copy: the republisher's line on top, the fourth paragraph dropped, one sentence
   * reworded and straight quotes made curly.
   */
  public static String syndicated(String text) {
    List<String> p = paragraphs(text);
    p.add(0, "This story is republished from a partner outlet under a content-sharing agreement.");
    p.remove(4);
    String s =
        String.join("\n\n", p)
            .replace(
                "called rushed but said they would accept",
                "described as hasty while saying they would go along with it");
    return curlyQuotes(s);
  }

  /** An update: a figure corrected and a paragraph added after the second. */
  public static String updated(String text) {
    List<String> p = paragraphs(text.replace("21.4 million", "21.6 million"));
    p.add(
        2,
        "In a later statement the council corrected the number of eligible voters, citing the latest "
            + "update of the electoral register, and said polling stations would open at 6 a.m. local time.");
    return String.join("\n\n", p);
  }

  static String curlyQuotes(String s) {
    StringBuilder b = new StringBuilder();
    boolean open = true;
    for (char c : s.toCharArray()) {
      if (c == '"') {
        b.append(open ? '\u201c' : '\u201d');
        open = !open;
      } else if (c == '\'') {
        b.append('\u2019');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
