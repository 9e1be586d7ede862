package io.vigia.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One feed's (or sitemap's) state as ingest keeps it in the compacted topic {@link
 * Topics#INGEST_FEED_STATE}, keyed by its URL: how to poll it next, the items it listed (so "new"
 * means new to this feed), the items waiting for a retry, and its health as its poller last showed
 * it. This is the one definition of that JSON: ingest writes it with {@link #toJson()}, and every
 * reader (ingest at start and hand-over, a sink serving {@code /api/sources} alone) reads it with
 * {@link #parse}.
 *
 * <p>JSON rather than Avro, so an operator can read it with any Kafka tool. A reader takes the
 * fields it knows and ignores the rest, so a newer writer may add fields without breaking older
 * readers; a field that is missing or unreadable reads as its default. {@code items} and {@code
 * status} may be null (records written before they existed); {@code retries} never is.
 */
public record FeedState(Poll poll, Items items, List<Retry> retries, Status status) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public FeedState {
    Objects.requireNonNull(poll, "poll");
    retries = retries == null ? List.of() : List.copyOf(retries);
  }

  public FeedState(Poll poll, Status status) {
    this(poll, null, List.of(), status);
  }

  /**
   * How to poll the feed next: its validators for a conditional GET, the conditional polls since
   * the last unconditional one, its failed polls in a row, when it may be polled again (null: at
   * once) and its adaptive interval ({@code intervalMillis} 0: none yet, the shortest applies).
   */
  public record Poll(
      String etag,
      String lastModified,
      int conditionalPolls,
      int errorStreak,
      Instant notBefore,
      long intervalMillis) {}

  /**
   * The items the feed listed most recently: {@code keys} is base64 of their 8-byte hashes, oldest
   * first; {@code distinct} counts every distinct item it ever listed.
   */
  public record Items(String keys, long distinct) {}

  /**
   * One item waiting for a retry: its key, what the feed said about it, the attempts made, when it
   * may be tried again and why the last attempt failed.
   */
  public record Retry(
      String key,
      String link,
      String guid,
      String title,
      Instant publishedAt,
      String language,
      String image,
      int attempts,
      Instant due,
      String reason) {}

  /**
   * The source's health as its poller last showed it. {@code itemProblem} is the part of {@code
   * lastError} about items that failed for good, which stays until the source produces again.
   */
  public record Status(
      String state,
      String lastError,
      Instant lastPoll,
      int itemsSeen,
      int articlesProduced,
      Instant lastNewItemAt,
      String itemProblem) {}

  /** The record's JSON, as the topic keeps it. */
  public String toJson() {
    ObjectNode n = JSON.createObjectNode();
    ObjectNode p = n.putObject("poll");
    p.put("etag", poll.etag());
    p.put("lastModified", poll.lastModified());
    p.put("conditionalPolls", poll.conditionalPolls());
    p.put("errorStreak", poll.errorStreak());
    p.put("notBefore", text(poll.notBefore()));
    p.put("intervalMillis", poll.intervalMillis());
    if (items != null) {
      ObjectNode i = n.putObject("items");
      i.put("keys", items.keys());
      i.put("distinct", items.distinct());
    }
    if (!retries.isEmpty()) {
      ArrayNode a = n.putArray("retries");
      for (Retry e : retries) {
        ObjectNode r = a.addObject();
        r.put("key", e.key());
        r.put("link", e.link());
        r.put("guid", e.guid());
        r.put("title", e.title());
        r.put("publishedAt", text(e.publishedAt()));
        r.put("language", e.language());
        r.put("image", e.image());
        r.put("attempts", e.attempts());
        r.put("due", text(e.due()));
        r.put("reason", e.reason());
      }
    }
    if (status != null) {
      ObjectNode s = n.putObject("status");
      s.put("state", status.state());
      s.put("lastError", status.lastError());
      s.put("lastPoll", text(status.lastPoll()));
      s.put("itemsSeen", status.itemsSeen());
      s.put("articlesProduced", status.articlesProduced());
      s.put("lastNewItemAt", text(status.lastNewItemAt()));
      if (status.itemProblem() != null) {
        s.put("itemProblem", status.itemProblem());
      }
    }
    return n.toString();
  }

  /**
   * Reads a record; throws {@link IllegalArgumentException} for anything that is not one (not JSON,
   * or no {@code poll} object). A retry without a link or key is dropped; one without a due time is
   * due at once.
   */
  public static FeedState parse(String json) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a feed state: " + e.getMessage(), e);
    }
    JsonNode p = n == null ? null : n.get("poll");
    if (p == null || !p.isObject()) {
      throw new IllegalArgumentException("not a feed state: no \"poll\" object");
    }
    Poll poll =
        new Poll(
            text(p, "etag"),
            text(p, "lastModified"),
            p.path("conditionalPolls").asInt(0),
            p.path("errorStreak").asInt(0),
            instant(p, "notBefore"),
            p.path("intervalMillis").asLong(0));
    JsonNode i = n.get("items");
    Items items =
        i == null || !i.isObject()
            ? null
            : new Items(text(i, "keys"), i.path("distinct").asLong(0));
    List<Retry> retries = new ArrayList<>();
    JsonNode a = n.get("retries");
    if (a != null && a.isArray()) {
      for (JsonNode r : a) {
        String link = text(r, "link");
        String key = text(r, "key");
        if (link == null || key == null) {
          continue;
        }
        Instant due = instant(r, "due");
        retries.add(
            new Retry(
                key,
                link,
                text(r, "guid"),
                text(r, "title"),
                instant(r, "publishedAt"),
                text(r, "language"),
                text(r, "image"),
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
    return new FeedState(poll, items, retries, status);
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant instant(JsonNode n, String field) {
    String t = text(n, field);
    try {
      return t == null ? null : Instant.parse(t);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
