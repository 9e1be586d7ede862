package io.vigia.common.kafka;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;

/** Stopping a thread that polls a Kafka consumer, the one way every stage does it. */
public final class ConsumerThreads {
  private ConsumerThreads() {}

  /**
   * Wakes the consumer out of its poll (its loop ends on the {@code WakeupException} and closes it)
   * and waits up to {@code wait} for the thread to finish. Either may be null: a service closed
   * before it started. The caller clears its own running flag first.
   */
  public static void stop(Consumer<?, ?> consumer, Thread thread, Duration wait) {
    if (consumer != null) {
      consumer.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
