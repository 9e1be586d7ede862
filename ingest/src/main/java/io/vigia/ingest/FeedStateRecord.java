package io.vigia.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.ingest.feed.FeedPollState;
import java.time.Instant;

/**
 * One feed's state as kept in the compacted topic {@code vigia.ingest.feed-state}: how to poll it
 * next (validators, interval, backoff) and what source health showed. JSON, so an operator can
 * read it with any Kafka tool, and new fields can be added without breaking older readers.
 */
record FeedStateRecord(FeedPollState.Snapshot poll, Status status) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The health figures of {@link IngestService.SourceStatus} that outlive a restart. */
  record Status(String state, String lastError, Instant lastPoll, int itemsSeen, int articlesProduced, Instant lastNewItemAt) {
    static Status of(IngestService.SourceStatus s) {
      return new Status(s.state(), s.lastError(), s.lastPoll(), s.itemsSeen(), s.articlesProduced(), s.lastNewItemAt());
    }

    IngestService.SourceStatus toStatus(String url, String name) {
      return new IngestService.SourceStatus(url, name, state, lastError, lastPoll, itemsSeen, articlesProduced, lastNewItemAt);
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
    if (status != null) {
      ObjectNode s = n.putObject("status");
      s.put("state", status.state());
      s.put("lastError", status.lastError());
      s.put("lastPoll", status.lastPoll() == null ? null : status.lastPoll().toString());
      s.put("itemsSeen", status.itemsSeen());
      s.put("articlesProduced", status.articlesProduced());
      s.put("lastNewItemAt", status.lastNewItemAt() == null ? null : status.lastNewItemAt().toString());
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
    FeedPollState.Snapshot poll = new FeedPollState.Snapshot(text(p, "etag"), text(p, "lastModified"),
        p.path("conditionalPolls").asInt(0), p.path("errorStreak").asInt(0), instant(p, "notBefore"), p.path("intervalMillis").asLong(0));
    JsonNode s = n.get("status");
    Status status = s == null || !s.isObject() ? null : new Status(text(s, "state"), text(s, "lastError"), instant(s, "lastPoll"),
        s.path("itemsSeen").asInt(0), s.path("articlesProduced").asInt(0), instant(s, "lastNewItemAt"));
    return new FeedStateRecord(poll, status);
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
