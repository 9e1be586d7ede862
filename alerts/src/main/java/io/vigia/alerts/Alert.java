package io.vigia.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Stance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a subscriber receives: which subscription fired, why (article or story), and the article in
 * the search API's shape (a snippet, not the whole text). Never holds a secret.
 */
public final class Alert {
  /** Longest text an alert carries; the whole article is at /api/articles/{id}. */
  static final int SNIPPET_CHARS = 400;

  private Alert() {}

  /**
   * The id every copy of the same alert shares, so a receiver can drop a redelivery: a hash of the
   * subscription and what it fired for.
   */
  public static String id(String subscriptionId, String firedFor) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest((subscriptionId + "|" + firedFor).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The article an enriched record stands for: a copy or an update counts as the article it copies.
   */
  public static String rootArticleId(EnrichedArticle e) {
    String dup = e.getDedup().getDuplicateOf();
    return e.getDedup().getStatus() != DedupStatus.ORIGINAL && dup != null && !dup.isBlank()
        ? dup
        : e.getArticle().getId();
  }

  public static ObjectNode of(Subscription s, EnrichedArticle e, String firedFor, Instant at) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", id(s.id(), firedFor));
    o.put("subscriptionId", s.id());
    o.put("subscriptionName", s.name());
    o.put("kind", s.rule().isStoryRule() ? "story" : "article");
    o.put("matchedAt", at.toString());
    o.set("article", article(e));
    return o;
  }

  static ObjectNode article(EnrichedArticle e) {
    RawArticle a = e.getArticle();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", rootArticleId(e));
    o.put("url", a.getUrl());
    o.put("title", a.getTitle());
    o.put("source", a.getSource());
    o.put("language", a.getLanguage());
    o.put("publishedAt", a.getPublishedAt() == null ? null : a.getPublishedAt().toString());
    String text = a.getText() == null ? "" : a.getText();
    o.put("text", text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…");
    o.putObject("dedup")
        .put("status", e.getDedup().getStatus().name().toLowerCase(Locale.ROOT))
        .put("story", e.getDedup().getStoryId())
        .put("sources", e.getDedup().getStorySources());
    ArrayNode entities = o.putArray("entities");
    for (Entity x : e.getEntities()) {
      entities.addObject().put("id", x.getId()).put("name", x.getName()).put("type", x.getType());
    }
    ArrayNode stance = o.putArray("stance");
    for (Stance s : e.getStance()) {
      stance
          .addObject()
          .put("target", s.getTarget())
          .put("label", s.getLabel().name().toLowerCase(Locale.ROOT))
          .put("score", s.getScore());
    }
    return o;
  }

  /** A short human line for logs, emails and digests. */
  public static String headline(JsonNode alert) {
    JsonNode a = alert.path("article");
    return a.path("title").asText()
        + " — "
        + a.path("source").asText()
        + " ("
        + a.path("url").asText()
        + ")";
  }
}
