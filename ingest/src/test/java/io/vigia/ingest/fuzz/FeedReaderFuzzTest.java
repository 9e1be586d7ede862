package io.vigia.ingest.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigia.ingest.feed.FeedReader;

/**
 * The feed parser under coverage-guided fuzzing: whatever bytes a server sends, it returns items or
 * a {@link FeedReader.FeedException} with a reason, never another exception, never a hang. {@code
 * FeedReader} turns only what Rome documents for unreadable input into that exception, so any other
 * exception from Rome or from our item mapping is a finding here. Every build replays the seeds
 * under {@code src/test/resources/.../FeedReaderFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes for
 * real (see docs/RELIABILITY.md).
 */
class FeedReaderFuzzTest {
  private final FeedReader reader = new FeedReader();

  @FuzzTest(maxDuration = "60s")
  void shouldReturnItemsOrAFeedException(byte[] body) {
    try {
      reader.read("https://fuzz.example/feed.xml", body);
    } catch (FeedReader.FeedException expected) {
      // a clear per-source error: fine
    }
  }
}
