package io.vigia.ingest;

import io.vigia.ingest.feed.ItemRetries;
import java.util.ArrayList;
import java.util.List;

/** What one poll of a feed found, for its health entry. */
final class PollReport {
  int read;
  int fresh;
  int produced;
  private int failedForGood;
  private String firstFailedForGood;
  private int gaveUp;
  private String firstGaveUp;

  /** What the feed's document said in this poll (too many items, a sitemap that failed, …). */
  final List<String> notes = new ArrayList<>();

  void failedForGood(String link, String reason) {
    if (failedForGood++ == 0) {
      firstFailedForGood = link + ": " + reason;
    }
  }

  void gaveUp(ItemRetries.Entry e) {
    if (gaveUp++ == 0) {
      firstGaveUp = e.item().link() + ": " + e.reason();
    }
  }

  /** What went wrong for good with items in this poll, or null. */
  String itemProblem() {
    List<String> parts = new ArrayList<>();
    if (failedForGood > 0) {
      parts.add(
          failedForGood
              + " of "
              + fresh
              + " new items not ingested (first: "
              + firstFailedForGood
              + ")");
    }
    if (gaveUp > 0) {
      parts.add(
          "gave up on "
              + gaveUp
              + " items after "
              + ItemRetries.MAX_ATTEMPTS
              + " attempts (first: "
              + firstGaveUp
              + ")");
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }
}
