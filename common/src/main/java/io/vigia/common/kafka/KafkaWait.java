package io.vigia.common.kafka;

import io.vigia.common.config.KafkaSettings;
import io.vigia.common.health.HealthReporting;
import io.vigia.common.health.StageHealth;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits at start until the Kafka cluster answers, so a stage started before (or while) its cluster
 * is away stays up and says so instead of exiting: one log line per attempt, and {@code /readyz}
 * reports the stage {@code kafka} as starting with the reason until the cluster answered. Only an
 * unreachable cluster is waited for; any other failure (a refused login, a bad setting) is thrown
 * at once, since waiting would not fix it.
 */
public final class KafkaWait implements HealthReporting {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaWait.class);

  /** The health stage name this reports under. */
  public static final String STAGE = "kafka";

  /** Asks the cluster once: empty when it answered, else why it did not. */
  @FunctionalInterface
  public interface Probe {
    Optional<String> unreachableBecause() throws InterruptedException;
  }

  /** Pauses between attempts (a test passes one that only records). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** Capped exponential backoff: {@code first}, doubling, never above {@code max}. */
  public record Backoff(Duration first, Duration max) {
    public static final Backoff DEFAULT =
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    public Backoff {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(max, "max");
      if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
        throw new IllegalArgumentException("backoff needs 0 < first <= max: " + first + ", " + max);
      }
    }

    /** The pause after {@code previous}. */
    public Duration after(Duration previous) {
      Duration doubled = previous.multipliedBy(2);
      return doubled.compareTo(max) > 0 ? max : doubled;
    }
  }

  private final String address;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private volatile StageHealth health;

  public KafkaWait(String address, Backoff backoff, Sleeper sleeper) {
    this.address = Objects.requireNonNull(address, "address");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.health = StageHealth.starting(STAGE, "connecting to Kafka at " + address);
  }

  /** Waits for the cluster at {@code kafka}'s address with the default backoff. */
  public static KafkaWait forCluster(KafkaSettings kafka) {
    return new KafkaWait(
        kafka.bootstrapServers(), Backoff.DEFAULT, d -> Thread.sleep(d.toMillis()));
  }

  @Override
  public StageHealth health() {
    return health;
  }

  /**
   * Probes until the cluster answers, pausing with the backoff between attempts.
   *
   * @throws InterruptedException when the process is stopped while waiting
   */
  public void await(Probe probe) throws InterruptedException {
    Duration pause = backoff.first();
    while (true) {
      Optional<String> reason = probe.unreachableBecause();
      if (reason.isEmpty()) {
        health = StageHealth.up(STAGE);
        return;
      }
      String waiting = "waiting for Kafka at " + address + ": " + reason.get();
      health = StageHealth.starting(STAGE, waiting);
      LOG.warn("{}; retrying in {}s", waiting, pause.toSeconds());
      sleeper.sleep(pause);
      pause = backoff.after(pause);
    }
  }

  /**
   * Asks the cluster for its id with a short timeout. Unreachable (a timeout, a retriable error) is
   * a reason to wait; any other error is thrown as it is a setting to fix, not a cluster to wait
   * for.
   */
  public static Probe clusterProbe(KafkaSettings kafka, Duration timeout) {
    return () -> {
      Properties p = kafka.clientProperties();
      int ms = (int) timeout.toMillis();
      p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
      p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
      try (Admin admin = Admin.create(p)) {
        admin.describeCluster().clusterId().get(ms + 1000L, TimeUnit.MILLISECONDS);
        return Optional.empty();
      } catch (java.util.concurrent.TimeoutException e) {
        return Optional.of("no answer within " + timeout.toSeconds() + "s");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RetriableException) {
          return Optional.of(
              "no answer within "
                  + timeout.toSeconds()
                  + "s ("
                  + cause.getClass().getSimpleName()
                  + ")");
        }
        throw new IllegalStateException(
            "Kafka at " + kafka.bootstrapServers() + " refused this client: " + cause.getMessage(),
            cause);
      }
    };
  }
}
