package io.vigia.app.reprocess;

import io.vigia.enrich.topology.EnrichTopology;
import io.vigia.schemas.Topics;
import io.vigia.sink.SinkService;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The topics and consumer groups of one reprocessing run's chain (merge, topology, dedup step,
 * sink), and how far along that chain the run has come.
 *
 * @param applicationId the run's Kafka Streams application id (also its topology's consumer group)
 * @param rawTopic the merged raw topic the topology reads ({@code vigia.reprocess.rN.raw})
 * @param enrichedTopic the run's enriched topic, which only its own sink reads
 */
record RunTopics(String applicationId, String rawTopic, String enrichedTopic) {

  /**
   * Per raw partition, how far the run's topology has read: the raw positions the merge had reached
   * with the last merged record the topology committed past (its header).
   */
  Map<Integer, Long> rawReadByTopology(TopicOffsets offsets) {
    TopicPartition merged = new TopicPartition(rawTopic, 0);
    Long at = offsets.committed(applicationId, rawTopic).get(merged);
    if (at == null) {
      return Map.of();
    }
    var last = offsets.lastRecordBefore(merged, at);
    var header = last == null ? null : last.headers().lastHeader(RawMerger.POSITION_HEADER);
    return header == null ? Map.of() : RawMerger.decode(header.value());
  }

  /**
   * Whether everything before the run's raw targets went through the whole chain: raw offsets
   * committed by the merge, then the topology past the merged topic's last record, then the dedup
   * step past its repartition topic's last record, then the sink past the enriched topic's last
   * record. Each end is read after the step before it was seen done, so it includes everything that
   * step produced.
   */
  boolean caughtUp(
      TopicOffsets offsets,
      ReprocessRun r,
      Map<TopicPartition, Long> rawCommitted,
      SinkService sink) {
    for (Map.Entry<Integer, Long> e : r.rawTargets().entrySet()) {
      long begin = r.rawBeginnings().getOrDefault(e.getKey(), 0L);
      long at = rawCommitted.getOrDefault(new TopicPartition(Topics.RAW.name(), e.getKey()), begin);
      if (at < e.getValue()) {
        return false;
      }
    }
    if (!consumedToEnd(offsets, rawTopic)) {
      return false;
    }
    String repartition = applicationId + "-" + EnrichTopology.DEDUP_REPARTITION + "-repartition";
    if (!offsets.exists(repartition) || !consumedToEnd(offsets, repartition)) {
      return false;
    }
    return sink.durableUpTo(offsets.afterLastRecord(enrichedTopic));
  }

  /** Whether the run's topology has committed past the last record of every partition of topic. */
  private boolean consumedToEnd(TopicOffsets offsets, String topic) {
    Map<TopicPartition, Long> ends = offsets.afterLastRecord(topic);
    Map<TopicPartition, Long> at = offsets.committed(applicationId, topic);
    for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
      if (e.getValue() > at.getOrDefault(e.getKey(), 0L)) {
        return false;
      }
    }
    return true;
  }
}
