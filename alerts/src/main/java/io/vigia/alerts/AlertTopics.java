package io.vigia.alerts;

import io.vigia.schemas.Topic;
import io.vigia.schemas.Topics;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The topics of the alerts stage; the enriched articles it reads are {@link Topics#ENRICHED}. */
public final class AlertTopics {
  private AlertTopics() {}

  /**
   * Subscriptions as JSON keyed by id, a null value deleting one. Compacted, so every instance (and
   * every restart) reads the whole current set from the beginning. Holds webhook secrets: restrict
   * it with ACLs on a shared cluster.
   */
  public static final Topic<String, String> SUBSCRIPTIONS =
      new Topic<>("vigia.alerts.subscriptions", Topics.KEYS, Serdes.String(), true);

  /** One alert per subscription and article (or story), JSON, keyed by subscription id. */
  public static final Topic<String, String> ALERTS =
      new Topic<>("vigia.alerts", Topics.KEYS, Serdes.String(), false);

  public static List<Topic<?, ?>> all() {
    return List.of(SUBSCRIPTIONS, ALERTS, Topics.DEAD_LETTER);
  }
}
