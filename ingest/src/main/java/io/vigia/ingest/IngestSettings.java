package io.vigia.ingest;

import io.vigia.common.config.Config;
import io.vigia.common.profile.FeedSpec;
import io.vigia.common.profile.WatchProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest's configuration, validated at start. {@code pollInterval} is the shortest interval a feed
 * is polled at and {@code maxPollInterval} the longest (adaptive in between); {@code hostDelay} and
 * {@code maxInFlightPerHost} pace requests to one host, and {@code fetchThreads} feeds are polled
 * at once. {@code totalTimeout} bounds one fetch as a whole (waits for the host's turn, every
 * redirect hop, the body); {@code seenRetention} is how long a fetched article's URL is remembered.
 */
public record IngestSettings(
    List<FeedSpec> feeds,
    boolean allowPrivateAddresses,
    String userAgent,
    Duration pollInterval,
    Duration connectTimeout,
    Duration readTimeout,
    long maxBodyBytes,
    String groupId,
    String instanceId,
    List<String> privateAddressExceptions,
    int maxItemsPerFeed,
    Duration maxPollInterval,
    Duration hostDelay,
    int maxInFlightPerHost,
    int fetchThreads,
    int maxSitemapsPerIndex,
    Duration totalTimeout,
    Duration seenRetention) {

  public IngestSettings {
    feeds = List.copyOf(feeds);
    privateAddressExceptions = List.copyOf(privateAddressExceptions);
    if (maxPollInterval.compareTo(pollInterval) < 0) {
      maxPollInterval = pollInterval;
    }
  }

  /**
   * The same settings polling {@code ownFeeds} of a site that is ours on loopback (the demo site):
   * private addresses allowed, every {@code interval} with no per-host delay, since nobody else's
   * server is paced.
   */
  public IngestSettings forOwnSite(List<FeedSpec> ownFeeds, Duration interval) {
    return new IngestSettings(
        ownFeeds,
        true,
        userAgent,
        interval,
        connectTimeout,
        readTimeout,
        maxBodyBytes,
        groupId,
        instanceId,
        privateAddressExceptions,
        maxItemsPerFeed,
        interval,
        Duration.ZERO,
        maxInFlightPerHost,
        fetchThreads,
        maxSitemapsPerIndex,
        totalTimeout,
        seenRetention);
  }

  /** The same settings polling other feeds (the demo site swaps in its own). */
  public IngestSettings withFeeds(List<FeedSpec> other) {
    return new IngestSettings(
        other,
        allowPrivateAddresses,
        userAgent,
        pollInterval,
        connectTimeout,
        readTimeout,
        maxBodyBytes,
        groupId,
        instanceId,
        privateAddressExceptions,
        maxItemsPerFeed,
        maxPollInterval,
        hostDelay,
        maxInFlightPerHost,
        fetchThreads,
        maxSitemapsPerIndex,
        totalTimeout,
        seenRetention);
  }

  public static IngestSettings from(Config c, WatchProfile profile) {
    List<FeedSpec> feeds = new ArrayList<>();
    if (c.node("feeds").isArray() && c.node("feeds").size() > 0) {
      for (var f : c.node("feeds")) {
        try {
          feeds.add(
              new FeedSpec(
                  f.path("url").asText(null),
                  f.path("name").asText(null),
                  f.path("language").asText(null)));
        } catch (RuntimeException e) {
          throw c.invalid(
              "feeds", "a list of {url, name} with http(s) URLs (" + e.getMessage() + ")");
        }
      }
    } else {
      feeds.addAll(profile.feeds());
    }
    String ua = c.string("ingest.user-agent");
    String uaProblem = userAgentProblem(ua);
    if (uaProblem != null) {
      throw c.invalid(
          "ingest.user-agent",
          "a User-Agent that names Vigía and a contact URL, e.g. \"Vigia/0.1 (news monitoring; "
              + "+https://your.site/contact)\": outlets read it to know who fetches and whom to ask ("
              + uaProblem
              + ")");
    }
    Duration shortest =
        c.duration("ingest.poll-interval", Duration.ofSeconds(1), Duration.ofDays(1));
    Duration longest =
        c.duration("ingest.max-poll-interval", Duration.ofSeconds(1), Duration.ofDays(7));
    if (longest.compareTo(shortest) < 0) {
      throw c.invalid(
          "ingest.max-poll-interval",
          "a duration at least ingest.poll-interval ("
              + shortest
              + "), the shortest interval; set both equal for a fixed interval");
    }
    Duration connect =
        c.duration("ingest.connect-timeout", Duration.ofMillis(100), Duration.ofMinutes(5));
    Duration read =
        c.duration("ingest.read-timeout", Duration.ofMillis(100), Duration.ofMinutes(10));
    Duration total =
        c.duration("ingest.total-timeout", Duration.ofMillis(100), Duration.ofHours(1));
    if (total.compareTo(connect.plus(read)) < 0) {
      throw c.invalid(
          "ingest.total-timeout",
          "a duration at least ingest.connect-timeout + ingest.read-timeout ("
              + connect.plus(read)
              + "): it bounds a whole fetch, redirects and body included, so it cannot be shorter than one connect and one read");
    }
    return new IngestSettings(
        feeds,
        c.bool("ingest.allow-private-addresses"),
        ua,
        shortest,
        connect,
        read,
        c.longValue("ingest.max-body-bytes", 1024, 1L << 30),
        c.string("ingest.group-id"),
        c.string("instance-id"),
        exceptions(c),
        c.integer("ingest.max-items-per-feed", 1, 1_000_000),
        longest,
        c.duration("ingest.host-delay", Duration.ZERO, Duration.ofMinutes(5)),
        c.integer("ingest.max-in-flight-per-host", 1, 64),
        c.integer("ingest.fetch-threads", 1, 256),
        c.integer("ingest.max-sitemaps-per-index", 1, 1000),
        total,
        c.duration("ingest.seen-retention", Duration.ofDays(1), Duration.ofDays(3650)));
  }

  /**
   * What is missing from a User-Agent for it to identify us honestly: the product (Vigía, with or
   * without the accent) and a contact URL; null when nothing is.
   */
  static String userAgentProblem(String ua) {
    if (ua == null || ua.isBlank()) {
      return "it is empty";
    }
    String lower = ua.toLowerCase(java.util.Locale.ROOT);
    if (!lower.contains("vigia") && !lower.contains("vigía")) {
      return "it does not name Vigía";
    }
    if (!java.util.regex.Pattern.compile("https?://[^\\s;()]+\\.[^\\s;()]+").matcher(ua).find()) {
      return "it has no contact URL (http:// or https://)";
    }
    return null;
  }

  /**
   * {@code host:port} authorities reachable even though private: exactly one fixture server, not a
   * network.
   */
  private static List<String> exceptions(Config c) {
    List<String> out = new ArrayList<>();
    var node = c.node("ingest.private-address-exceptions");
    if (node != null && !node.isMissingNode() && !node.isNull()) {
      if (!node.isArray()) {
        throw c.invalid(
            "ingest.private-address-exceptions", "a list of host:port, e.g. [\"127.0.0.1:8081\"]");
      }
      for (var n : node) {
        String a = n.asText("");
        if (!a.matches("[^\\s/:]+:\\d{1,5}|\\[[0-9a-fA-F:.]+\\]:\\d{1,5}")) {
          throw c.invalid(
              "ingest.private-address-exceptions", "host:port entries (got '" + a + "')");
        }
        out.add(a.toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }
}
