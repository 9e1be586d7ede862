package io.vigia.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.ingest.feed.FeedItem;
import io.vigia.ingest.feed.FeedItemMemory;
import io.vigia.ingest.feed.FeedPollState;
import io.vigia.ingest.feed.ItemRetries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One feed's state as kept in the compacted topic {@code vigia.ingest.feed-state}: how to poll it
 * next (validators, interval, backoff), the items it listed (so "new" means new to this feed), the
 * items waiting for a retry, and what source health showed. JSON, so an operator can read it with
 * any Kafka tool, and new fields can be added without breaking older readers. {@code items} and
 * {@code retries} may be null (records written before they existed).
 */
record FeedStateRecord(
    FeedPollState.Snapshot poll,
    FeedItemMemory.Snapshot items,
    List<ItemRetries.Entry> retries,
    Status status) {
  private static final ObjectMapper JSON = new ObjectMapper();

  FeedStateRecord {
    retries = retries == null ? List.of() : List.copyOf(retries);
  }

  FeedStateRecord(FeedPollState.Snapshot poll, Status status) {
    this(poll, null, List.of(), status);
  }

  /**
   * The health figures of {@link IngestService.SourceStatus} that outlive a restart; the error
   * streak, next poll and interval come from the poll state next to it. {@code itemProblem} is the
   * part of {@code lastError} about items that failed for good, which stays until the source
   * produces again.
   */
  record Status(
      String state,
      String lastError,
      Instant lastPoll,
      int itemsSeen,
      int articlesProduced,
      Instant lastNewItemAt,
      String itemProblem) {
    Status(
        String state,
        String lastError,
        Instant lastPoll,
        int itemsSeen,
        int articlesProduced,
        Instant lastNewItemAt) {
      this(state, lastError, lastPoll, itemsSeen, articlesProduced, lastNewItemAt, null);
    }

    static Status of(IngestService.SourceStatus s, String itemProblem) {
      return new Status(
          s.state(),
          s.lastError(),
          s.lastPoll(),
          s.itemsSeen(),
          s.articlesProduced(),
          s.lastNewItemAt(),
          itemProblem);
    }

    /**
     * Source health as its poller last showed it, with the error streak, next poll and interval of
     * {@code poll}.
     */
    IngestService.SourceStatus toStatus(
        String url, String name, FeedPollState.Snapshot poll, Duration shortestInterval) {
      Duration interval =
          poll == null || poll.intervalMillis() <= 0
              ? shortestInterval
              : Duration.ofMillis(poll.intervalMillis());
      return new IngestService.SourceStatus(
          url,
          name,
          state,
          lastError,
          lastPoll,
          itemsSeen,
          articlesProduced,
          poll == null ? 0 : poll.errorStreak(),
          poll == null ? null : poll.notBefore(),
          lastNewItemAt,
          interval);
    }
  }

  String toJson() {
    ObjectNode n = JSON.createObjectNode();
    ObjectNode p = n.putObject("poll");
    p.put("etag", poll.etag());
    p.put("lastModified", poll.lastModified());
    p.put("conditionalPolls", poll.conditionalPolls());
    p.put("errorStreak", poll.errorStreak());
    p.put("notBefore", poll.notBefore() == null ? null : poll.notBefore().toString());
    p.put("intervalMillis", poll.intervalMillis());
    if (items != null) {
      ObjectNode i = n.putObject("items");
      i.put("keys", items.keys());
      i.put("distinct", items.distinct());
    }
    if (!retries.isEmpty()) {
      ArrayNode a = n.putArray("retries");
      for (ItemRetries.Entry e : retries) {
        ObjectNode r = a.addObject();
        r.put("key", e.key());
        r.put("link", e.item().link());
        r.put("guid", e.item().guid());
        r.put("title", e.item().title());
        r.put(
            "publishedAt",
            e.item().publishedAt() == null ? null : e.item().publishedAt().toString());
        r.put("language", e.item().language());
        r.put("image", e.item().image());
        r.put("attempts", e.attempts());
        r.put("due", e.due() == null ? null : e.due().toString());
        r.put("reason", e.reason());
      }
    }
    if (status != null) {
      ObjectNode s = n.putObject("status");
      s.put("state", status.state());
      s.put("lastError", status.lastError());
      s.put("lastPoll", status.lastPoll() == null ? null : status.lastPoll().toString());
      s.put("itemsSeen", status.itemsSeen());
      s.put("articlesProduced", status.articlesProduced());
      s.put(
          "lastNewItemAt",
          status.lastNewItemAt() == null ? null : status.lastNewItemAt().toString());
      if (status.itemProblem() != null) {
        s.put("itemProblem", status.itemProblem());
      }
    }
    return n.toString();
  }

  /** Parses a record; throws {@link IllegalArgumentException} for anything that is not one. */
  static FeedStateRecord parse(String json) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a feed state: " + e.getMessage(), e);
    }
    JsonNode p = n == null ? null : n.get("poll");
    if (p == null || !p.isObject()) {
      throw new IllegalArgumentException("not a feed state: no \"poll\" object");
    }
    FeedPollState.Snapshot poll =
        new FeedPollState.Snapshot(
            text(p, "etag"),
            text(p, "lastModified"),
            p.path("conditionalPolls").asInt(0),
            p.path("errorStreak").asInt(0),
            instant(p, "notBefore"),
            p.path("intervalMillis").asLong(0));
    JsonNode i = n.get("items");
    FeedItemMemory.Snapshot items =
        i == null || !i.isObject()
            ? null
            : new FeedItemMemory.Snapshot(text(i, "keys"), i.path("distinct").asLong(0));
    List<ItemRetries.Entry> retries = new ArrayList<>();
    JsonNode a = n.get("retries");
    if (a != null && a.isArray()) {
      for (JsonNode r : a) {
        String link = text(r, "link");
        String key = text(r, "key");
        if (link == null || key == null) {
          continue;
        }
        FeedItem item =
            new FeedItem(
                link,
                text(r, "guid"),
                text(r, "title"),
                instant(r, "publishedAt"),
                null,
                text(r, "language"),
                null,
                text(r, "image"));
        Instant due = instant(r, "due");
        retries.add(
            new ItemRetries.Entry(
                item,
                key,
                r.path("attempts").asInt(1),
                due == null ? Instant.EPOCH : due,
                text(r, "reason")));
      }
    }
    JsonNode s = n.get("status");
    Status status =
        s == null || !s.isObject()
            ? null
            : new Status(
                text(s, "state"),
                text(s, "lastError"),
                instant(s, "lastPoll"),
                s.path("itemsSeen").asInt(0),
                s.path("articlesProduced").asInt(0),
                instant(s, "lastNewItemAt"),
                text(s, "itemProblem"));
    return new FeedStateRecord(poll, items, retries, status);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant instant(JsonNode n, String field) {
    String t = text(n, field);
    try {
      return t == null ? null : Instant.parse(t);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
