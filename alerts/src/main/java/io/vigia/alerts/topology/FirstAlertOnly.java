package io.vigia.alerts.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets the first candidate alert of each key ({@code subscription|article:ROOT} or {@code
 * subscription|story:ID}) through, keyed by its subscription, and drops the rest: a subscriber gets
 * an article once however many copies arrive, and a story once. Candidates come repartitioned by
 * that key, so an original and its copy matched at the same moment on two partitions still meet
 * here, one after the other. What was sent is remembered in a changelogged store for the retention,
 * then forgotten.
 */
final class FirstAlertOnly implements Processor<String, String, String, String> {
  private final Duration retention;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, Long> sent;

  FirstAlertOnly(Duration retention) {
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.sent = context.getStateStore(AlertTopology.SENT_STORE);
    context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, this::forgetOld);
  }

  @Override
  public void process(Record<String, String> r) {
    if (r.key() == null || sent.get(r.key()) != null) {
      return;
    }
    long now = context.currentSystemTimeMs();
    sent.put(r.key(), now);
    String subscription = r.key().substring(0, r.key().indexOf('|'));
    // Stamped with the time it is raised, not its article's fetch time: the alerts topic's
    // retention then counts from the alert, and an alert on an article fetched long ago (replayed,
    // re-judged) is not due for deletion before it is delivered.
    context.forward(new Record<>(subscription, r.value(), now));
  }

  private void forgetOld(long now) {
    long cutoff = now - retention.toMillis();
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = sent.all()) {
      while (it.hasNext()) {
        KeyValue<String, Long> kv = it.next();
        if (kv.value < cutoff) {
          old.add(kv.key);
        }
      }
    }
    old.forEach(sent::delete);
  }
}
