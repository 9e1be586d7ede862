package io.vigia.app.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One {@code kill -9} of a fault test, as it landed: which process, how long after it was started,
 * what it was doing (asked on its own port just before the kill), how many pages the farm had
 * served and how many documents were searchable at that moment. The RESULT line lists them, and the
 * tests check each kill left work to do.
 */
record Kill(String victim, long afterStartMs, Phase phase, int pagesFetched, long indexed) {
  /** What the victim said just before it died. */
  enum Phase {
    /** not answering HTTP yet: starting the broker, opening the index, restoring state */
    STARTUP,
    /** answering, not ready (/readyz 503): joining its group, restoring state */
    STARTING,
    /** ready */
    RUNNING
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  /**
   * How long a kill waits for its page before it lands anyway: a pipeline that stops fetching still
   * gets killed, and the end check then finds what it lost.
   */
  static final Duration MAX_WAIT_FOR_PAGE = Duration.ofMinutes(5);

  /**
   * A random page count within the share of kill {@code k} of {@code kills} (k from 0): the pages
   * are cut into {@code kills + 2} equal shares and kill k lands in share k, so the last two shares
   * are fetched after the last kill. Kills placed this way spread over the whole run; kills a few
   * seconds apart all fell in its first minutes.
   */
  static int pageInShare(Random random, int pages, int k, int kills) {
    int from = pages * k / (kills + 2);
    int to = pages * (k + 1) / (kills + 2);
    return to > from ? from + 1 + random.nextInt(to - from) : to;
  }

  /** The phase of the process serving on {@code port}, by its {@code /readyz}. */
  static Phase phaseOf(int port) {
    try {
      HttpResponse<Void> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                  .timeout(Duration.ofMillis(1500))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200 ? Phase.RUNNING : Phase.STARTING;
    } catch (IOException e) {
      return Phase.STARTUP;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Phase.STARTUP;
    }
  }

  /** {@code victim:phase@ms/fetched/indexed}; indexed is -1 when the search API did not answer. */
  @Override
  public String toString() {
    return victim
        + ":"
        + phase.name().toLowerCase(java.util.Locale.ROOT)
        + "@"
        + afterStartMs
        + "ms/"
        + pagesFetched
        + "/"
        + indexed;
  }

  /** The RESULT fields of a run's kills: counts per victim and phase, then every kill in order. */
  static String summary(List<Kill> kills) {
    Map<String, Long> byVictim =
        kills.stream()
            .collect(Collectors.groupingBy(Kill::victim, TreeMap::new, Collectors.counting()));
    Map<Phase, Long> byPhase =
        kills.stream()
            .collect(Collectors.groupingBy(Kill::phase, TreeMap::new, Collectors.counting()));
    return "kills="
        + kills.size()
        + " victims="
        + byVictim
        + " phases="
        + byPhase
        + " per-kill(victim:phase@ms-after-start/pages-fetched/indexed)="
        + kills;
  }
}
