package io.vigia.alerts;

import io.vigia.alerts.delivery.EmailSender.SmtpSettings;
import io.vigia.alerts.delivery.RetryPolicy;
import io.vigia.common.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The alerts stage's configuration (keys {@code alerts.*}), validated at start. */
public record AlertsSettings(
    boolean enabled,
    String applicationId,
    String deliveryGroupId,
    String instanceId,
    Path stateDir,
    Optional<Path> subscriptionsFile,
    Duration sentRetention,
    Duration webhookTimeout,
    boolean allowPrivateAddresses,
    RetryPolicy retry,
    SmtpSettings smtp) {

  public static AlertsSettings from(Config c) {
    String appId = c.string("alerts.application-id");
    if (!appId.matches("[a-zA-Z0-9._-]+")) {
      throw c.invalid("alerts.application-id", "letters, digits, '.', '_' or '-'");
    }
    Duration second = Duration.ofSeconds(1);
    RetryPolicy retry =
        new RetryPolicy(
            c.integer("alerts.retry.max-attempts", 1, 100),
            c.duration("alerts.retry.initial-backoff", Duration.ofMillis(1), Duration.ofHours(1)),
            c.duration("alerts.retry.max-backoff", Duration.ofMillis(1), Duration.ofDays(1)));
    SmtpSettings smtp =
        new SmtpSettings(
            c.string("alerts.smtp.host"),
            c.integer("alerts.smtp.port", 1, 65535),
            c.string("alerts.smtp.from"),
            c.string("alerts.smtp.username"),
            c.secret("alerts.smtp.password", "alerts.smtp.password-file").orElse(""),
            c.bool("alerts.smtp.starttls"),
            c.duration("alerts.smtp.timeout", second, Duration.ofMinutes(5)));
    Path dataDir = Path.of(c.string("data-dir"));
    return new AlertsSettings(
        c.bool("alerts.enabled"),
        appId,
        c.string("alerts.delivery-group-id"),
        c.string("instance-id"),
        dataDir.resolve("alerts-streams"),
        // A relative path is read from the data folder, whatever the working directory.
        c.optionalString("alerts.subscriptions-file")
            .filter(f -> !f.isBlank())
            .map(f -> dataDir.resolve(f).normalize()),
        c.duration("alerts.sent-retention", Duration.ofMinutes(1), Duration.ofDays(3650)),
        c.duration("alerts.webhook.timeout", second, Duration.ofMinutes(5)),
        c.bool("alerts.webhook.allow-private-addresses"),
        retry,
        smtp);
  }
}
