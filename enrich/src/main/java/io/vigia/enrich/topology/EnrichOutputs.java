package io.vigia.enrich.topology;

import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import java.time.Instant;
import java.util.Objects;

/**
 * Where one run of the enrichment topology reads and writes, and which raw articles it judges. The
 * live pipeline reads {@code vigia.articles.raw} and writes the shared topics ({@link #LIVE}); a
 * reprocessing run reads the raw records merged into one partition in the order they were stored
 * and writes topics of its own, so that nothing downstream of the live topics (alerts, the
 * relevance tally, the live sink) sees its records, and may judge only articles since a time.
 *
 * @param rawTopic the raw articles it reads
 * @param enrichedTopic relevant articles
 * @param irrelevantTopic off-topic articles
 * @param deadLetterTopic records it cannot read
 * @param since only articles published (else fetched) at or after this time; null for all
 */
public record EnrichOutputs(
    String rawTopic,
    String enrichedTopic,
    String irrelevantTopic,
    String deadLetterTopic,
    Instant since) {
  /** The live pipeline: the shared topics, every article. */
  public static final EnrichOutputs LIVE =
      new EnrichOutputs(
          Topics.RAW.name(),
          Topics.ENRICHED.name(),
          Topics.IRRELEVANT.name(),
          Topics.DEAD_LETTER.name(),
          null);

  public EnrichOutputs {
    Objects.requireNonNull(rawTopic, "rawTopic");
    Objects.requireNonNull(enrichedTopic, "enrichedTopic");
    Objects.requireNonNull(irrelevantTopic, "irrelevantTopic");
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
  }

  /** Reading {@code vigia.articles.raw}. */
  public EnrichOutputs(
      String enrichedTopic, String irrelevantTopic, String deadLetterTopic, Instant since) {
    this(Topics.RAW.name(), enrichedTopic, irrelevantTopic, deadLetterTopic, since);
  }

  /** Whether the run judges this article ({@code since} against published, else fetched time). */
  public boolean judges(RawArticle a) {
    if (since == null) {
      return true;
    }
    Instant t = a.getPublishedAt() != null ? a.getPublishedAt() : a.getFetchedAt();
    return t == null || !t.isBefore(since);
  }
}
