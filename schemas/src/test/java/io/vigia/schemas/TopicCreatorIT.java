package io.vigia.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.broker.EmbeddedKafka;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw topic keeps history: created compacted, and switched to compact when it was not. */
class TopicCreatorIT {
  @TempDir Path dir;

  private static String policy(Admin admin, String topic) throws Exception {
    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin
        .describeConfigs(List.of(r))
        .all()
        .get(30, TimeUnit.SECONDS)
        .get(r)
        .get(TopicConfig.CLEANUP_POLICY_CONFIG)
        .value();
  }

  @Test
  void shouldCreateTheRawTopicCompactedAndSwitchOneCreatedWithTheDeletePolicy() throws Exception {
    try (EmbeddedKafka kafka = new EmbeddedKafka(dir, 0).start()) {
      Properties props = new Properties();
      props.put("bootstrap.servers", kafka.bootstrapServers());
      try (Admin admin = Admin.create(props)) {
        // an older deployment: the raw topic made with the delete policy
        admin
            .createTopics(
                List.of(
                    new NewTopic(Topics.RAW.name(), 1, (short) 1)
                        .configs(
                            Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_DELETE))))
            .all()
            .get(30, TimeUnit.SECONDS);
        assertThat(policy(admin, Topics.RAW.name())).isEqualTo("delete");

        TopicCreator.ensure(admin, Topics.all(), 1, (short) 1);

        // the broker applies a configuration change through its metadata log: give it a moment
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!policy(admin, Topics.RAW.name()).equals("compact")
            && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        assertThat(policy(admin, Topics.RAW.name())).isEqualTo("compact");
        assertThat(policy(admin, Topics.INGEST_SEEN.name())).isEqualTo("compact");
        assertThat(policy(admin, Topics.ENRICHED.name())).isEqualTo("delete");
      }
    }
  }
}
