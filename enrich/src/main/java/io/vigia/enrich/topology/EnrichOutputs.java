package io.vigia.enrich.topology;

import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import java.time.Instant;
import java.util.Objects;

/**
 * Where one run of the enrichment topology writes, and which raw articles it judges. The live
 * pipeline writes the shared topics ({@link #LIVE}); a reprocessing run writes topics of its own,
 * so that nothing downstream of the live topics (alerts, the relevance tally, the live sink) sees
 * its records, and may judge only articles since a time.
 *
 * @param enrichedTopic relevant articles
 * @param irrelevantTopic off-topic articles
 * @param deadLetterTopic records it cannot read
 * @param since only articles published (else fetched) at or after this time; null for all
 */
public record EnrichOutputs(
    String enrichedTopic, String irrelevantTopic, String deadLetterTopic, Instant since) {
  /** The live pipeline: the shared topics, every article. */
  public static final EnrichOutputs LIVE =
      new EnrichOutputs(
          Topics.ENRICHED.name(), Topics.IRRELEVANT.name(), Topics.DEAD_LETTER.name(), null);

  public EnrichOutputs {
    Objects.requireNonNull(enrichedTopic, "enrichedTopic");
    Objects.requireNonNull(irrelevantTopic, "irrelevantTopic");
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
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
