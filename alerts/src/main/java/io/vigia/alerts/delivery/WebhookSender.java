package io.vigia.alerts.delivery;

import io.vigia.alerts.Subscription;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * POSTs a JSON body to a subscription's URL with its signatures (of the body; of the timestamp and
 * the body), the timestamp and the alert id. 2xx is delivered; 408, 429, 5xx and network errors are
 * worth retrying; other statuses are not. Loopback, private and link-local addresses are refused
 * unless allowed (a webhook must not be a way to reach the internal network).
 */
public final class WebhookSender {
  private final HttpClient client;
  private final Duration timeout;
  private final boolean allowPrivate;

  public WebhookSender(Duration timeout, boolean allowPrivateAddresses) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
    this.allowPrivate = allowPrivateAddresses;
  }

  public DeliveryResult send(Subscription.Webhook target, String alertId, byte[] body) {
    URI url = target.url();
    if (!allowPrivate) {
      String refused = refusedAddress(url.getHost());
      if (refused != null) {
        return DeliveryResult.failed(refused, false);
      }
    }
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest req =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Vigia-Alerts/0.1")
            .header(Signature.HEADER, Signature.sign(target.secret(), body))
            .header(Signature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(
                Signature.TIMESTAMPED_HEADER,
                Signature.signTimestamped(target.secret(), timestamp, body))
            .header(Signature.ALERT_ID_HEADER, alertId)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<Void> r = client.send(req, HttpResponse.BodyHandlers.discarding());
      int s = r.statusCode();
      if (s >= 200 && s < 300) {
        return DeliveryResult.delivered();
      }
      return DeliveryResult.failed("webhook answered HTTP " + s, s == 408 || s == 429 || s >= 500);
    } catch (IOException e) {
      return DeliveryResult.failed(
          "webhook unreachable: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()),
          true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.failed("interrupted", true);
    }
  }

  /**
   * Why {@code host} is no address for a webhook (it resolves to a loopback, private, link-local,
   * wildcard or multicast address), naming the key that allows it; null when it is fine or does not
   * resolve (yet).
   */
  public static String refusedAddress(String host) {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (a.isLoopbackAddress()
            || a.isSiteLocalAddress()
            || a.isLinkLocalAddress()
            || a.isAnyLocalAddress()
            || a.isMulticastAddress()
            || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc)) {
          return "webhook host "
              + host
              + " resolves to a private address ("
              + a.getHostAddress()
              + "); set alerts.webhook.allow-private-addresses: true to allow it";
        }
      }
      return null;
    } catch (UnknownHostException e) {
      return null; // the send reports it, and it may resolve on a retry
    }
  }
}
