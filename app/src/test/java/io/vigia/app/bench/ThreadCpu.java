package io.vigia.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU seconds of this JVM's threads over a bench run, by thread kind (the name without its
 * numbers), sampled while the run goes (a thread that ended keeps its last sample): tells a run
 * bound by one busy thread from one that waits. Also the process's CPU seconds, the figure that
 * does not move with the machine's load, and what of it no Java thread accounts for (the JVM's own
 * compiler and garbage collector threads, RocksDB's native threads).
 */
final class ThreadCpu {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> startNanos = new HashMap<>();
  private final Map<Long, Long> lastNanos = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private final long processStart = processCpuNanos();

  ThreadCpu() {
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null) {
        startNanos.put(t.getThreadId(), threads.getThreadCpuTime(t.getThreadId()));
      }
    }
  }

  /** Takes a sample of every live thread's CPU time. */
  void sample() {
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(t.getThreadId());
      if (cpu >= 0) {
        lastNanos.put(t.getThreadId(), cpu);
        names.put(t.getThreadId(), t.getThreadName());
      }
    }
  }

  /** {@code process_cpu_s=… threads=kind:seconds,…} for the kinds above half a second. */
  String summary() {
    sample();
    Map<String, Double> byKind = new TreeMap<>();
    lastNanos.forEach(
        (id, cpu) ->
            byKind.merge(
                kind(names.get(id)), (cpu - startNanos.getOrDefault(id, 0L)) / 1e9, Double::sum));
    double process = (processCpuNanos() - processStart) / 1e9;
    double inThreads = byKind.values().stream().mapToDouble(Double::doubleValue).sum();
    return String.format(
        Locale.ROOT,
        "process_cpu_s=%.1f outside_java_threads_s=%.1f threads=%s",
        process,
        process - inThreads,
        byKind.entrySet().stream()
            .filter(e -> e.getValue() >= 0.5)
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .map(e -> String.format(Locale.ROOT, "%s:%.1f", e.getKey(), e.getValue()))
            .collect(Collectors.joining(",")));
  }

  private static String kind(String name) {
    // Stream threads keep their number (which one ran dedup matters); pools are summed.
    String k = name.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "");
    return k.contains("StreamThread") ? k : k.replaceAll("[0-9]+", "N");
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
