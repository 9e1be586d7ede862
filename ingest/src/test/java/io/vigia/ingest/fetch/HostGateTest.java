package io.vigia.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostGateTest {

  @Test
  void shouldSpaceTheStartsOfRequestsToOneHostByTheDelay() throws Exception {
    HostGate gate = new HostGate(Duration.ofMillis(100), 4);
    List<Long> starts = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        done.add(
            pool.submit(
                () -> {
                  try (HostGate.Permit p = gate.acquire("https://diario.example/a", null)) {
                    // When the gate granted it, not when this thread got to run again: on a loaded
                    // machine that comes later by a varying amount, which would skew the gaps.
                    starts.add(p.grantedAtNanos());
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Long> sorted = new ArrayList<>(starts);
    Collections.sort(sorted);
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(sorted.get(i) - sorted.get(i - 1))
          .as("gap %d", i)
          .isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
    }
  }

  @Test
  void shouldHonourALongerCrawlDelay() throws Exception {
    HostGate gate = new HostGate(Duration.ZERO, 2);
    long first;
    try (HostGate.Permit p = gate.acquire("https://diario.example/a", Duration.ofMillis(300))) {
      first = p.grantedAtNanos();
    }
    try (HostGate.Permit p = gate.acquire("https://diario.example/b", Duration.ofMillis(300))) {
      assertThat(p.grantedAtNanos() - first)
          .isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
    }
  }

  @Test
  void shouldNeverHaveMoreThanTheCapInFlightAndLetOtherHostsGoMeanwhile() throws Exception {
    HostGate gate = new HostGate(Duration.ZERO, 2);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      List<Future<?>> busy = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        busy.add(
            pool.submit(
                () -> {
                  try (HostGate.Permit p = gate.acquire("https://slow.example/x", null)) {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    release.await(30, TimeUnit.SECONDS);
                    inFlight.decrementAndGet();
                  }
                  return null;
                }));
      }
      while (gate.inFlight("https://slow.example/") < 2) {
        Thread.sleep(10);
      }
      // slow.example is at its cap; another host is not held up by it
      try (HostGate.Permit p = gate.acquire("https://other.example/y", null)) {
        assertThat(gate.inFlight("https://other.example/")).isEqualTo(1);
      }
      assertThat(gate.inFlight("https://slow.example/")).isEqualTo(2);
      release.countDown();
      for (Future<?> f : busy) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(most.get()).isEqualTo(2);
    assertThat(gate.inFlight("https://slow.example/")).isZero();
  }

  @Test
  void shouldHoldAHostThatSentRetryAfterAndFailFastWhenTheWaitPassesTheDeadline() throws Exception {
    HostGate gate = HostGate.unlimited();
    try (HostGate.Permit p = gate.acquire("https://diario.example/articulo-1", null)) {
      p.answered(429, Duration.ofSeconds(120));
    }
    assertThat(gate.heldFor("https://diario.example/")).isGreaterThan(Duration.ofSeconds(100));
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    long start = System.nanoTime();
    assertThatThrownBy(() -> gate.acquire("https://diario.example/articulo-2", null, deadline))
        .isInstanceOfSatisfying(
            HostGate.Deferred.class,
            d -> {
              assertThat(d.getMessage()).contains("Retry-After 120");
              assertThat(d.waitFor()).isGreaterThan(Duration.ofSeconds(100));
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("failed at once, not at the deadline")
        .isLessThan(Duration.ofSeconds(2));
    try (HostGate.Permit p = gate.acquire("https://otro.example/", null, deadline)) {
      assertThat(gate.inFlight("https://otro.example/")).as("other hosts go on").isEqualTo(1);
    }
  }

  @Test
  void shouldBackOffAfterServerErrorsAndStopAtTheFirstAnswerThatIsNot() throws Exception {
    HostGate gate = HostGate.unlimited();
    try (HostGate.Permit p = gate.acquire("https://caido.example/a", null)) {
      p.answered(503, null);
    }
    Duration first = gate.heldFor("https://caido.example/");
    assertThat(first)
        .isGreaterThan(Duration.ofMillis(1000))
        .isLessThanOrEqualTo(Duration.ofMillis(2400));
    try (HostGate.Permit p =
        gate.acquire("https://caido.example/b", null)) { // waits the backoff out
      p.answered(500, null);
    }
    assertThat(gate.heldFor("https://caido.example/"))
        .as("second error in a row: about twice as long")
        .isGreaterThan(Duration.ofMillis(2500));
    assertThat(HostGate.backoff(30)).isLessThanOrEqualTo(Duration.ofMinutes(12));
    assertThat(HostGate.backoff(1)).isGreaterThanOrEqualTo(Duration.ofMillis(1600));
  }

  @Test
  void shouldSayWhenItGrantedAPermitWithinTheCallThatAcquiredIt() throws Exception {
    HostGate gate = new HostGate(Duration.ofMillis(50), 1);
    for (int i = 0; i < 3; i++) {
      long before = System.nanoTime();
      try (HostGate.Permit p = gate.acquire("https://diario.example/a", null)) {
        long after = System.nanoTime();
        assertThat(p.grantedAtNanos()).isBetween(before, after);
      }
    }
  }
}
