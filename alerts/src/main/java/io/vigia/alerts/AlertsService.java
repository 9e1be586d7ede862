package io.vigia.alerts;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.vigia.alerts.api.SubscriptionsApi;
import io.vigia.alerts.delivery.AlertDispatcher;
import io.vigia.alerts.delivery.EmailSender;
import io.vigia.alerts.delivery.WebhookSender;
import io.vigia.alerts.topology.AlertTopology;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.health.HealthReporting;
import io.vigia.common.health.StageHealth;
import io.vigia.common.http.HttpApi;
import io.vigia.common.metrics.Metrics;
import io.vigia.common.streams.StreamsHealth;
import io.vigia.common.streams.StreamsProperties;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts stage: the subscription registry (and the YAML file's subscriptions), the matching
 * topology (exactly once), the dispatcher that delivers, and the recent-alerts view. Several
 * instances share the matching and the delivery work; each sees every subscription.
 */
public final class AlertsService implements AutoCloseable, HealthReporting {
  private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);

  private final AlertsSettings settings;
  private final KafkaSettings kafka;
  private final Clock clock;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private SubscriptionRegistry registry;
  private RecentAlerts recent;
  private KafkaStreams streams;
  private AlertDispatcher dispatcher;

  public AlertsService(AlertsSettings settings, KafkaSettings kafka) {
    this(settings, kafka, Clock.systemUTC());
  }

  public AlertsService(AlertsSettings settings, KafkaSettings kafka, Clock clock) {
    this.settings = settings;
    this.kafka = kafka;
    this.clock = clock;
  }

  public void start() {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      TopicCreator.ensure(
          admin, Topics.alertTopics(), kafka.partitions(), kafka.replicationFactor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating alert topics", e);
    }
    registry = track(new SubscriptionRegistry(kafka));
    registry.start();
    settings
        .subscriptionsFile()
        .ifPresent(
            file -> {
              FileLoad load =
                  loadFile(
                      SubscriptionsFile.read(file, System.getenv(), clock.instant()),
                      registry::get,
                      registry::put);
              LOG.info(
                  "alerts: {} from {}: {} new or changed, {} unchanged",
                  load.total(),
                  file,
                  load.written(),
                  load.unchanged());
            });

    streams = new KafkaStreams(AlertTopology.build(settings.sentRetention()), streamsProperties());
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("alerts stream thread failed; replacing it", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    new KafkaStreamsMetrics(streams).bindTo(Metrics.registry());
    track(
        () ->
            streams.close(
                new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(30)).leaveGroup(true)));
    streams.start();

    dispatcher =
        track(
            new AlertDispatcher(
                kafka,
                settings.deliveryGroupId(),
                registry,
                new WebhookSender(settings.webhookTimeout(), settings.allowPrivateAddresses()),
                new EmailSender(settings.smtp()),
                settings.retry(),
                clock));
    dispatcher.start();
    recent = track(new RecentAlerts(kafka));
    recent.start();
    LOG.info("alerts: {} subscriptions", registry.list().size());
  }

  /** What loading the subscriptions file did. */
  record FileLoad(int total, int written, int unchanged) {}

  /**
   * Merges the file's subscriptions into the stored ones: a new one is written; one already stored
   * keeps its {@code createdAt} and is written only if it changed, so a restart with the same file
   * writes nothing; one stored but no longer in the file stays (delete it through the API).
   */
  static FileLoad loadFile(
      List<Subscription> fromFile,
      Function<String, Optional<Subscription>> stored,
      Consumer<Subscription> put) {
    int written = 0;
    for (Subscription s : fromFile) {
      Subscription existing = stored.apply(s.id()).orElse(null);
      if (existing != null) {
        s =
            new Subscription(
                s.id(),
                s.name(),
                s.rule(),
                s.webhook(),
                s.email(),
                s.kafka(),
                s.digest(),
                existing.createdAt());
        if (existing.toStoredJson().equals(s.toStoredJson())) {
          continue;
        }
      }
      put.accept(s);
      written++;
    }
    return new FileLoad(fromFile.size(), written, fromFile.size() - written);
  }

  /**
   * Waits until the matching topology's copy of the subscriptions (its global store) holds {@code
   * id} as {@code storedJson} (null: gone), so an article that arrives after the API answered is
   * matched against it on this instance.
   */
  public boolean awaitMatcherSees(String id, String storedJson, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        ReadOnlyKeyValueStore<String, String> store =
            streams.store(
                StoreQueryParameters.fromNameAndType(
                    AlertTopology.SUBSCRIPTIONS_STORE, QueryableStoreTypes.keyValueStore()));
        if (Objects.equals(store.get(id), storedJson)) {
          return true;
        }
      } catch (InvalidStateStoreException e) {
        // not queryable while Streams starts or rebalances: wait
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  Properties streamsProperties() {
    // From the start: a subscription fires only on articles enriched after it was created
    // (MatchSubscriptions), so a new deployment does not alert on the topic's history, and a
    // crash before the group's first commit loses nothing (with "latest" it skipped what arrived).
    return StreamsProperties.exactlyOnce(
        settings.applicationId(), kafka, settings.stateDir(), settings.instanceId(), "alerts");
  }

  /** Adds the subscription and alert endpoints to an HTTP server. */
  public void register(HttpApi http) {
    new SubscriptionsApi(
            registry, recent, clock, this::awaitMatcherSees, settings.allowPrivateAddresses())
        .register(http);
  }

  public KafkaStreams.State state() {
    return streams == null ? KafkaStreams.State.CREATED : streams.state();
  }

  public SubscriptionRegistry registry() {
    return registry;
  }

  /** Figures for {@code /healthz} beside the stage's state. */
  public Map<String, Object> healthDetails() {
    return Map.of(
        "alerts",
        state().toString(),
        "subscriptions",
        registry == null ? 0 : registry.list().size());
  }

  /** Down once the matching topology, the delivery loop or the subscriptions reader stopped. */
  @Override
  public StageHealth health() {
    if (dispatcher != null && dispatcher.failure() != null) {
      return StageHealth.down("alerts", "alert delivery stopped", dispatcher.failure());
    }
    if (registry != null && registry.failure() != null) {
      return StageHealth.down("alerts", "subscriptions reader stopped", registry.failure());
    }
    return StreamsHealth.of("alerts", state());
  }

  private <T extends AutoCloseable> T track(T c) {
    started.push(c);
    return c;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        LOG.warn("error while stopping alerts", e);
      }
    }
  }
}
