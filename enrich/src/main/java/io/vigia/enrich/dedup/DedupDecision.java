package io.vigia.enrich.dedup;

import io.vigia.schemas.Dedup;
import io.vigia.schemas.DedupStatus;

/**
 * What dedup decided about one article.
 *
 * @param replay true when the very same article (same id, same text) was seen before: nothing new
 *     to publish
 */
public record DedupDecision(
    DedupStatus status,
    String duplicateOf,
    Double similarity,
    String reason,
    String storyId,
    int storySources,
    boolean replay) {

  public Dedup toAvro() {
    return Dedup.newBuilder()
        .setStatus(status)
        .setDuplicateOf(duplicateOf)
        .setSimilarity(similarity)
        .setReason(reason)
        .setStoryId(storyId)
        .setStorySources(storySources)
        .build();
  }
}
