package io.vigia.app;

import io.vigia.common.config.KafkaSettings;
import io.vigia.common.kafka.UnreadableRecords;
import io.vigia.schemas.SchemaCheck;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;

/**
 * What every process does on a cluster before its stages start: create the topics the stages share
 * when they are missing, then check this build's schemas against the schema log and record them.
 * Here, not in {@code common}, because it needs {@code schemas}, which imports nothing of the
 * project, and only the launcher starts processes.
 */
final class SharedTopics {
  private SharedTopics() {}

  /**
   * @throws SchemaCheck.IncompatibleSchemaException when a schema of this build cannot read what
   *     another already wrote
   */
  static void prepare(KafkaSettings kafka) {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      TopicCreator.ensure(admin, Topics.all(), kafka.partitions(), kafka.replicationFactor());
      // A record of the schema log that is not a schema is skipped and counted
      // (vigia_records_unreadable_total).
      UnreadableRecords.skipped(
          "schema-check",
          Topics.SCHEMAS.name(),
          SchemaCheck.verifyAndRegister(kafka.clientProperties()).unreadableRecords());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }
}
