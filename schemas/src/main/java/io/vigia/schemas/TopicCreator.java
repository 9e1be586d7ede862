package io.vigia.schemas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a stage needs when they are missing. An existing topic is left as it is, with
 * one exception: a topic declared compacted that exists with another cleanup policy (created by
 * hand, or by a Vigía older than the declaration, as {@code vigia.articles.raw} before it kept
 * history) is switched to {@code compact}, with a warning that says what may already be gone.
 */
public final class TopicCreator {
  private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

  private TopicCreator() {}

  public static void ensure(
      Admin admin, List<Topic<?, ?>> topics, int partitions, short replication)
      throws InterruptedException {
    try {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      List<String> compactedPresent = new ArrayList<>();
      for (Topic<?, ?> t : topics) {
        if (!existing.contains(t.name())) {
          Map<String, String> cfg = new HashMap<>();
          if (t.compacted()) {
            cfg.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
          }
          missing.add(new NewTopic(t.name(), partitions, replication).configs(cfg));
        } else if (t.compacted()) {
          compactedPresent.add(t.name());
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      }
      compactWhereDeclared(admin, compactedPresent);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create topics: " + e.getCause().getMessage(), e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not answer within 60 s while creating topics; is the broker reachable?", e);
    }
  }

  /** Switches existing topics declared compacted to {@code cleanup.policy=compact}. */
  private static void compactWhereDeclared(Admin admin, Collection<String> names)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (names.isEmpty()) {
      return;
    }
    List<ConfigResource> resources =
        names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
    Map<ConfigResource, Config> configs =
        admin.describeConfigs(resources).all().get(60, TimeUnit.SECONDS);
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    for (Map.Entry<ConfigResource, Config> c : configs.entrySet()) {
      ConfigEntry policy = c.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG);
      String value = policy == null ? "" : policy.value();
      if (!value.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
        LOG.warn(
            "topic {} has cleanup.policy={} but Vigía keeps it compacted (one record per key, kept"
                + " for good); switching it to compact now. Records the old policy already deleted"
                + " are gone: `vigia reprocess` can only re-enrich what the topic still holds.",
            c.getKey().name(),
            value);
        changes.put(
            c.getKey(),
            List.of(
                new AlterConfigOp(
                    new ConfigEntry(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                    AlterConfigOp.OpType.SET)));
      }
    }
    if (!changes.isEmpty()) {
      admin.incrementalAlterConfigs(changes).all().get(60, TimeUnit.SECONDS);
    }
  }
}
