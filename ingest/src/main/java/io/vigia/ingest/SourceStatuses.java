package io.vigia.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.vigia.common.metrics.Metrics;
import io.vigia.common.profile.FeedSpec;
import io.vigia.ingest.feed.FeedItemMemory;
import io.vigia.ingest.feed.FeedPollState;
import io.vigia.ingest.feed.ItemRetries;
import io.vigia.schemas.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Source health: one {@link SourceStatus} per feed of the shared list, updated after each poll here
 * or, for a feed another instance polls, from what its poller persisted; shown by {@code GET
 * /api/sources} and as gauges tagged with the source's name.
 */
final class SourceStatuses {
  private final FeedStates states;
  private final Duration shortestInterval;
  private final Map<String, SourceStatus> sources = new ConcurrentHashMap<>();

  /** Per feed: what went wrong for good with its items, shown until it produces again. */
  private final Map<String, String> itemProblems = new ConcurrentHashMap<>();

  private final Map<String, List<Meter>> gauges = new ConcurrentHashMap<>();

  SourceStatuses(FeedStates states, Duration shortestInterval) {
    this.states = states;
    this.shortestInterval = shortestInterval;
  }

  /**
   * A feed joined the list (configured here or by another instance): it gets its health entry, as
   * last persisted when it was, and its gauges.
   */
  void add(FeedSpec f) {
    sources.computeIfAbsent(
        f.url(),
        u -> {
          FeedState r = states.persisted(u);
          return r != null && r.status() != null
              ? SourceStatus.restored(u, f.name(), r.status(), r.poll(), shortestInterval)
              : SourceStatus.pending(u, f.name());
        });
    gauges.computeIfAbsent(f.url(), u -> registerGauges(f));
  }

  /** The feed left the list: its entry and gauges go. */
  void remove(String url) {
    sources.remove(url);
    itemProblems.remove(url);
    List<Meter> meters = gauges.remove(url);
    if (meters != null) {
      meters.forEach(Metrics.registry()::remove);
    }
  }

  /** The feeds with a health entry. */
  Set<String> urls() {
    return Set.copyOf(sources.keySet());
  }

  SourceStatus get(String url) {
    return sources.get(url);
  }

  /** The entries of {@code feeds}, in their order. */
  List<SourceStatus> of(List<FeedSpec> feeds) {
    return feeds.stream().map(f -> sources.get(f.url())).filter(Objects::nonNull).toList();
  }

  /**
   * A state another poller persisted: while this instance does not poll the feed, its entry shows
   * what that poller last saw.
   */
  void learnPersisted(String url, FeedState r) {
    SourceStatus known = sources.get(url);
    if (r.status() != null && known != null && !states.polledHere(url)) {
      sources.put(
          url, SourceStatus.restored(url, known.name(), r.status(), r.poll(), shortestInterval));
      if (r.status().itemProblem() == null) {
        itemProblems.remove(url);
      } else {
        itemProblems.put(url, r.status().itemProblem());
      }
    }
  }

  /** The feed's health as the feed state keeps it, or null before it has an entry. */
  FeedState.Status toPersist(String url) {
    SourceStatus status = sources.get(url);
    return status == null ? null : status.persisted(itemProblems.get(url));
  }

  /**
   * Updates the source's health after a poll. {@code report} is null for a poll that failed; else
   * the items' problems join {@code feedError}: what failed for good stays until the source
   * produces again (such items are not retried, so later polls would otherwise hide it), and the
   * items waiting for a retry are listed while they wait.
   */
  void afterPoll(FeedSpec feed, String state, String feedError, PollReport report) {
    Metrics.registry().counter("vigia.ingest.feeds.polled", "outcome", state).increment();
    String url = feed.url();
    FeedPollState st = states.pollIfAny(url);
    Instant now = Instant.now();
    String error = report == null ? feedError : withItemProblems(url, feedError, report);
    int producedNow = report == null ? 0 : report.produced;
    boolean fresh = report != null && report.fresh > 0;
    FeedItemMemory memory = states.memoryIfAny(url);
    sources.compute(
        url,
        (k, old) ->
            new SourceStatus(
                url,
                feed.name(),
                state,
                error,
                now,
                memory != null
                    ? (int) Math.min(Integer.MAX_VALUE, memory.distinctSeen())
                    : old == null ? 0 : old.itemsSeen(),
                (old == null ? 0 : old.articlesProduced()) + producedNow,
                st == null ? 0 : st.errorStreak(),
                st == null ? null : st.notBefore(),
                fresh ? now : old == null ? null : old.lastNewItemAt(),
                st == null ? null : st.interval(shortestInterval)));
  }

  private String withItemProblems(String url, String feedError, PollReport report) {
    String itemProblem = report.itemProblem();
    if (itemProblem != null) {
      itemProblems.put(url, itemProblem);
    } else if (report.produced > 0) {
      itemProblems.remove(url);
    }
    List<String> parts = new ArrayList<>();
    if (feedError != null) {
      parts.add(feedError);
    }
    if (itemProblems.get(url) != null) {
      parts.add(itemProblems.get(url));
    }
    ItemRetries waiting = states.retriesIfAny(url);
    if (waiting != null && waiting.size() > 0) {
      ItemRetries.Entry first = waiting.entries().get(0);
      parts.add(
          waiting.size()
              + " items waiting for a retry (first: "
              + first.item().link()
              + ": "
              + first.reason()
              + "; attempt "
              + (first.attempts() + 1)
              + " of "
              + ItemRetries.MAX_ATTEMPTS
              + " not before "
              + first.due()
              + ")");
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  /**
   * Source health as metrics too, tagged with the source's name: what /api/sources shows, for
   * dashboards and alerting rules.
   */
  private List<Meter> registerGauges(FeedSpec f) {
    String url = f.url();
    Tags tags = Tags.of("source", f.name() == null ? url : f.name());
    List<Meter> meters = new ArrayList<>();
    meters.add(
        Gauge.builder(
                "vigia.ingest.source.failing",
                sources,
                m -> m.get(url) != null && "failing".equals(m.get(url).state()) ? 1 : 0)
            .tags(tags)
            .description("1 while the source's last poll failed")
            .register(Metrics.registry()));
    for (String state : List.of("pending", "ok", "not-modified", "failing")) {
      meters.add(
          Gauge.builder(
                  "vigia.ingest.source.state",
                  sources,
                  m -> m.get(url) != null && state.equals(m.get(url).state()) ? 1 : 0)
              .tags(tags.and("state", state))
              .description("1 for the state the source is in (pending, ok, not-modified, failing)")
              .register(Metrics.registry()));
    }
    meters.add(
        Gauge.builder(
                "vigia.ingest.source.error.streak",
                sources,
                m -> m.get(url) == null ? 0 : m.get(url).errorStreak())
            .tags(tags)
            .description("Failed polls in a row")
            .register(Metrics.registry()));
    meters.add(
        Gauge.builder(
                "vigia.ingest.source.articles",
                sources,
                m -> m.get(url) == null ? 0 : m.get(url).articlesProduced())
            .tags(tags)
            .description("Articles produced from the source")
            .register(Metrics.registry()));
    meters.add(
        Gauge.builder(
                "vigia.ingest.source.items.seen",
                sources,
                m -> m.get(url) == null ? 0 : m.get(url).itemsSeen())
            .tags(tags)
            .description("Distinct items the source has listed")
            .register(Metrics.registry()));
    meters.add(
        Gauge.builder("vigia.ingest.source.retries", states, s -> s.waitingRetries(url))
            .tags(tags)
            .description("Items of the source waiting for a retry")
            .register(Metrics.registry()));
    meters.add(
        Gauge.builder(
                "vigia.ingest.source.poll.interval.seconds",
                sources,
                m -> {
                  SourceStatus s = m.get(url);
                  return s == null || s.pollInterval() == null
                      ? Double.NaN
                      : s.pollInterval().toSeconds();
                })
            .tags(tags)
            .description("The source's current adaptive polling interval")
            .register(Metrics.registry()));
    meters.add(
        Gauge.builder(
                "vigia.ingest.source.silent.seconds",
                sources,
                m -> {
                  SourceStatus s = m.get(url);
                  Duration d = s == null ? null : s.silentFor(Instant.now());
                  return d == null ? Double.NaN : d.toSeconds();
                })
            .tags(tags)
            .description("Seconds since the source last listed an item new to it")
            .register(Metrics.registry()));
    return meters;
  }
}
