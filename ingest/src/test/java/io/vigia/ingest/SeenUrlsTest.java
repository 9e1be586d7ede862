package io.vigia.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeenUrlsTest {
  private static final Instant NOW = Instant.parse("2024-09-01T00:00:00Z");

  @Test
  void shouldForgetWhatWasFetchedLongerThanTheRetentionAgo() {
    SeenUrls s = new SeenUrls(Duration.ofDays(30));
    s.add("https://diario.example/old", NOW.minus(Duration.ofDays(31)));
    s.add("https://diario.example/new", NOW.minus(Duration.ofDays(2)));
    assertThat(s.expire(NOW)).containsExactly("https://diario.example/old");
    assertThat(s.contains("https://diario.example/old")).isFalse();
    assertThat(s.contains("https://diario.example/new")).isTrue();
    assertThat(s.expire(NOW)).isEmpty();
  }

  @Test
  void shouldNotLoadExpiredRecordsNorLetAnotherInstancesCleanUpForgetAFreshFetch() {
    SeenUrls s = new SeenUrls(Duration.ofDays(30));
    s.learn("https://diario.example/old", NOW.minus(Duration.ofDays(40)).toString(), NOW);
    assertThat(s.contains("https://diario.example/old")).isFalse();
    s.learn("https://diario.example/a", NOW.minus(Duration.ofHours(1)).toString(), NOW);
    s.learn(
        "https://diario.example/a",
        null,
        NOW); // a tombstone from an instance whose copy had expired
    assertThat(s.contains("https://diario.example/a")).isTrue();
    s.learn("https://diario.example/b", "not a date", NOW);
    assertThat(s.contains("https://diario.example/b"))
        .as("unreadable time: counted from now")
        .isTrue();
    assertThat(s.size()).isEqualTo(2);
  }
}
