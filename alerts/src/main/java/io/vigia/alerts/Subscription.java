package io.vigia.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.alerts.rule.AlertRule;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A saved search and where its matches go. Stored as JSON (with its secret) in the compacted
 * subscriptions topic; shown through the API without it ({@link #toPublicJson()}).
 *
 * @param digest null: one message per match; else one message per period with every match
 */
public record Subscription(
    String id,
    String name,
    AlertRule rule,
    Webhook webhook,
    Email email,
    KafkaTarget kafka,
    Duration digest,
    Instant createdAt) {

  /** A JSON POST to {@code url}, signed with HMAC-SHA256 of the body under {@code secret}. */
  public record Webhook(URI url, String secret) {
    public Webhook {
      Objects.requireNonNull(url, "url");
      if (url.getScheme() == null
          || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
          || url.getHost() == null) {
        throw new IllegalArgumentException("'webhook.url' must be an http(s) URL with a host");
      }
      if (secret == null || secret.length() < 8) {
        throw new IllegalArgumentException(
            "'webhook.secret' is required (at least 8 characters): receivers check the signature with it");
      }
    }

    @Override
    public String toString() {
      return "Webhook[url=" + url + ", secret=***]"; // never the secret, not even in a log line
    }
  }

  /** An email to every address in {@code to}, through the SMTP server of the configuration. */
  public record Email(List<String> to) {
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public Email {
      to = List.copyOf(to);
      if (to.isEmpty() || to.stream().anyMatch(a -> !ADDRESS.matcher(a).matches())) {
        throw new IllegalArgumentException(
            "'email.to' must be one or more addresses like someone@example.org");
      }
    }
  }

  /** The alert JSON produced to a Kafka topic of the user's choosing, keyed by subscription id. */
  public record KafkaTarget(String topic) {
    public KafkaTarget {
      if (topic == null || !topic.matches("[a-zA-Z0-9._-]{1,249}")) {
        throw new IllegalArgumentException(
            "'kafka.topic' must be a topic name (letters, digits, '.', '_', '-')");
      }
    }
  }

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Set<String> FIELDS =
      Set.of("id", "name", "query", "webhook", "email", "kafka", "digest", "createdAt");

  public Subscription {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "'id' must be 1-64 lower-case letters, digits or '-', starting with a letter or digit");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("'name' is required (at most 200 characters)");
    }
    Objects.requireNonNull(rule, "rule");
    if (digest != null
        && (digest.compareTo(Duration.ofMinutes(1)) < 0
            || digest.compareTo(Duration.ofDays(7)) > 0)) {
      throw new IllegalArgumentException("'digest' must be from 1m to 7d");
    }
  }

  /**
   * Reads a subscription from the API or the YAML file. Without an {@code id}, {@code defaultId} is
   * used; an unknown field is refused.
   */
  public static Subscription fromJson(JsonNode n, String defaultId, Instant now) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(
          "a subscription is a JSON object: {\"name\": ..., \"query\": {...}, \"webhook\": {...}}");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new IllegalArgumentException(
            "unknown field '"
                + f
                + "'; known: "
                + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    String id = text(n, "id");
    Webhook webhook = null;
    if (n.hasNonNull("webhook")) {
      JsonNode w = n.get("webhook");
      String url = text(w, "url");
      if (url == null) {
        throw new IllegalArgumentException("'webhook.url' is required");
      }
      try {
        webhook = new Webhook(URI.create(url), text(w, "secret"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            e.getMessage().startsWith("'") ? e.getMessage() : "'webhook.url' is not a URL");
      }
    }
    Email email = null;
    if (n.hasNonNull("email")) {
      JsonNode to = n.get("email").get("to");
      List<String> addresses = new ArrayList<>();
      if (to != null && to.isArray()) {
        to.forEach(x -> addresses.add(x.asText()));
      } else if (to != null && to.isTextual()) {
        addresses.add(to.asText());
      }
      email = new Email(addresses);
    }
    KafkaTarget kafka =
        n.hasNonNull("kafka") ? new KafkaTarget(text(n.get("kafka"), "topic")) : null;
    Duration digest = n.hasNonNull("digest") ? duration(n.get("digest").asText()) : null;
    Instant created = now;
    if (n.hasNonNull("createdAt")) {
      try {
        created = Instant.parse(n.get("createdAt").asText());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "'createdAt' must be an instant such as 2024-07-28T12:00:00Z");
      }
    }
    return new Subscription(
        id == null ? defaultId : id,
        text(n, "name"),
        AlertRule.fromJson(n.get("query")),
        webhook,
        email,
        kafka,
        digest,
        created);
  }

  /** Everything, secret included: what the subscriptions topic stores. */
  public ObjectNode toStoredJson() {
    return json(true);
  }

  /**
   * What the API shows. A webhook shows only its scheme and host as {@code origin} (an incoming
   * webhook's path is often itself the secret) and {@code "hasSecret": true}; email recipients are
   * masked ({@code m***@example.org}).
   */
  public ObjectNode toPublicJson() {
    return json(false);
  }

  private ObjectNode json(boolean stored) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", id);
    o.put("name", name);
    o.set("query", rule.toJson());
    if (webhook != null) {
      ObjectNode w = o.putObject("webhook");
      if (stored) {
        w.put("url", webhook.url().toString()).put("secret", webhook.secret());
      } else {
        w.put("origin", origin(webhook.url())).put("hasSecret", true);
      }
    }
    if (email != null) {
      ArrayNode to = o.putObject("email").putArray("to");
      email.to().forEach(a -> to.add(stored ? a : masked(a)));
    }
    if (kafka != null) {
      o.putObject("kafka").put("topic", kafka.topic());
    }
    if (digest != null) {
      o.put("digest", digest.toString());
    }
    o.put("createdAt", createdAt.toString());
    return o;
  }

  /** {@code https://hooks.example.org/T0/B1/xyz?a=b} shown as {@code https://hooks.example.org}. */
  static String origin(URI url) {
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  /** {@code maria@example.org} shown as {@code m***@example.org}. */
  static String masked(String address) {
    int at = address.lastIndexOf('@');
    return address.charAt(0) + "***" + address.substring(at);
  }

  /** A stable id from a name: lower case, letters and digits, dashes between words. */
  public static String slug(String name) {
    String s =
        io.vigia.common.text.TextNormalizer.fold(name == null ? "" : name)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    return s.isEmpty()
        ? "subscription"
        : s.length() > 64 ? s.substring(0, 64).replaceAll("-+$", "") : s;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Duration duration(String s) {
    var m = Pattern.compile("(\\d+)\\s*(m|h|d)").matcher(s.trim());
    if (m.matches()) {
      long v = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "m" -> Duration.ofMinutes(v);
        case "h" -> Duration.ofHours(v);
        default -> Duration.ofDays(v);
      };
    }
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'digest' must be a period such as 30m, 1h or 1d");
    }
  }

  @Override
  public String toString() {
    return "Subscription[" + id + " '" + name + "']"; // never the secret
  }
}
