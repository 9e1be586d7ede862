package io.vigia.sink.index;

import java.util.List;

/**
 * What a batch write did: every document is either durable or rejected for its content (a mapping
 * error), never silently missing. Rejected documents go to the dead-letter topic.
 */
public record WriteOutcome(int written, List<Rejected> rejected) {
  public record Rejected(String id, String reason) {}

  public static WriteOutcome allWritten(int n) {
    return new WriteOutcome(n, List.of());
  }
}
