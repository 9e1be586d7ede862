package io.vigia.alerts.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.alerts.RecentAlerts;
import io.vigia.alerts.Subscription;
import io.vigia.alerts.SubscriptionRegistry;
import io.vigia.alerts.delivery.WebhookSender;
import io.vigia.common.http.HttpApi;
import io.vigia.common.http.HttpError;
import io.vigia.common.http.Json;
import io.vigia.common.http.Request;
import io.vigia.common.http.Response;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * Subscriptions over HTTP; no answer ever carries a webhook secret, a webhook's path or an email
 * recipient in full, and with {@code http.api-key} set every subscription endpoint needs the key.
 *
 * <ul>
 *   <li>{@code POST /api/subscriptions} a subscription: 201 with it (secret replaced by {@code
 *       hasSecret}), once the matcher of this instance sees it
 *   <li>{@code GET /api/subscriptions}, {@code GET /api/subscriptions/{id}}
 *   <li>{@code DELETE /api/subscriptions/{id}}: 204
 *   <li>{@code GET /api/alerts?size=&subscription=}: the latest alerts, newest first
 * </ul>
 */
public final class SubscriptionsApi {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SubscriptionRegistry registry;
  private final RecentAlerts recent;
  private final Clock clock;
  private final MatcherView matcher;
  private final boolean allowPrivateWebhooks;

  /** The matching topology's view of the subscriptions, which may trail the registry's. */
  @FunctionalInterface
  public interface MatcherView {
    /**
     * True once the matcher holds {@code id} as {@code storedJson} (null: deleted), false if not
     * within {@code timeout}.
     */
    boolean awaitSees(String id, String storedJson, Duration timeout);
  }

  static final Duration MATCHER_TIMEOUT = Duration.ofSeconds(30);

  /**
   * @param allowPrivateWebhooks {@code alerts.webhook.allow-private-addresses}: false refuses a
   *     webhook on a loopback, private or link-local address at creation, which delivery would
   *     refuse anyway
   */
  public SubscriptionsApi(
      SubscriptionRegistry registry,
      RecentAlerts recent,
      Clock clock,
      MatcherView matcher,
      boolean allowPrivateWebhooks) {
    this.registry = registry;
    this.recent = recent;
    this.clock = clock;
    this.matcher = matcher;
    this.allowPrivateWebhooks = allowPrivateWebhooks;
  }

  public void register(HttpApi http) {
    // Subscriptions name their receivers: with an API key set, reading them needs it too.
    http.requireKeyForReadsOf("/api/subscriptions");
    http.route("POST", "/api/subscriptions", this::create);
    http.route(
        "GET",
        "/api/subscriptions",
        r ->
            Response.json(
                Map.of(
                    "subscriptions",
                    registry.list().stream().map(Subscription::toPublicJson).toList())));
    http.route(
        "GET",
        "/api/subscriptions/{id}",
        r -> Response.json(find(r.pathParam("id")).toPublicJson()));
    http.route(
        "DELETE",
        "/api/subscriptions/{id}",
        r -> {
          if (!registry.delete(r.pathParam("id"))) {
            throw HttpError.notFound("no subscription " + r.pathParam("id"));
          }
          awaitMatcher(r.pathParam("id"), null, "deleted");
          return Response.noContent();
        });
    http.route(
        "GET",
        "/api/alerts",
        r ->
            Response.json(
                Map.of(
                    "alerts",
                    recent.latest(
                        r.intParam("size", 20, 1, 200), r.param("subscription").orElse(null)))));
  }

  Response create(Request r) {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw HttpError.badRequest(
          "the body must be JSON: {\"name\": ..., \"query\": {...}, \"webhook\": {\"url\": ..., \"secret\": ...}}");
    }
    Subscription s;
    try {
      String generated = Subscription.slug(body == null ? "" : body.path("name").asText());
      generated =
          generated.substring(0, Math.min(generated.length(), 50))
              + "-"
              + HexFormat.of().formatHex(randomBytes());
      s = Subscription.fromJson(body, generated, clock.instant());
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(e.getMessage());
    }
    refusePrivateWebhook(s);
    if (registry.get(s.id()).isPresent()) {
      throw new HttpError(
          409, "subscription " + s.id() + " exists; DELETE it first or choose another id");
    }
    registry.put(s);
    // Answer only once the matcher has it: an article arriving after the 201 is checked against it.
    awaitMatcher(s.id(), s.toStoredJson().toString(), "saved");
    Response created = Response.json(201, s.toPublicJson());
    return new Response(
        created.status(),
        created.contentType(),
        created.body(),
        Map.of("Location", "/api/subscriptions/" + s.id()));
  }

  /**
   * A webhook delivery would refuse the address and dead-letter every alert: the subscription is
   * refused now, with the key that allows it.
   */
  private void refusePrivateWebhook(Subscription s) {
    if (allowPrivateWebhooks || s.webhook() == null) {
      return;
    }
    String refused = WebhookSender.refusedAddress(s.webhook().url().getHost());
    if (refused != null) {
      throw HttpError.badRequest(refused);
    }
  }

  private void awaitMatcher(String id, String storedJson, String done) {
    if (!matcher.awaitSees(id, storedJson, MATCHER_TIMEOUT)) {
      throw new HttpError(
          503,
          "subscription "
              + id
              + " is "
              + done
              + ", but the matcher has not picked the change up within "
              + MATCHER_TIMEOUT.toSeconds()
              + " s (is the alerts stage running? see /healthz); it will once it runs");
    }
  }

  private Subscription find(String id) {
    return registry.get(id).orElseThrow(() -> HttpError.notFound("no subscription " + id));
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[4];
    RANDOM.nextBytes(b);
    return b;
  }
}
