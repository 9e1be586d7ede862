package io.vigia.alerts.bench;

import io.vigia.alerts.rule.AlertRule;
import io.vigia.alerts.topology.AlertTopology;
import io.vigia.common.http.Json;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import io.vigia.schemas.Topics;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.search.lucene.ArticleMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Articles per second through the alert topology (Avro decoding, every subscription's rule, the
 * RocksDB sent-store) as the number of subscriptions grows, without a broker. Arguments:
 * subscription counts (default 1 10 100 1000) and articles per run (default 20000). Run with {@code
 * bench/alerts-bench.sh}.
 */
public final class MatchBenchmark {
  private static final String[] WORDS =
      ("cne actas elecciones oposicion gobierno maduro machado gonzalez observadores resultados "
              + "votos centro mesa tribunal tsj sanciones petroleo licencia caracas zulia protesta auditoria escrutinio candidato partido")
          .split(" ");

  public static void main(String[] args) throws Exception {
    int articles = 20_000;
    List<Integer> counts = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--articles=")) {
        articles = Integer.parseInt(a.substring(11));
      } else {
        counts.add(Integer.parseInt(a));
      }
    }
    if (counts.isEmpty()) {
      counts = List.of(1, 10, 100, 1000);
    }
    List<byte[]> input = articles(articles);
    System.out.printf(
        "%d articles of ~120 words; Java %s, %d cores%n",
        articles, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    System.out.println(
        "Rules alone (decode once, index the article once in a MemoryIndex, every rule):");
    System.out.println("subscriptions  articles/s  µs/article  cpu µs/art  matches");
    for (int subs : counts) {
      rulesOnly(subs, input, true);
      rulesOnly(subs, input, false);
    }
    System.out.println(
        "The whole topology in TopologyTestDriver (commits, and flushes the RocksDB store, after every record):");
    System.out.println("subscriptions  articles/s  µs/article  cpu µs/art  alerts");
    for (int subs : counts) {
      run(subs, input, true); // warm-up
      run(subs, input, false);
    }
  }

  private static void rulesOnly(int subs, List<byte[]> input, boolean warmup) throws Exception {
    List<AlertRule> rules = new ArrayList<>();
    for (String q : queries(subs)) {
      rules.add(AlertRule.fromJson(Json.MAPPER.readTree(q)));
    }
    int n = warmup ? Math.min(2000, input.size()) : input.size();
    long matches = 0;
    long t0 = System.nanoTime();
    long c0 = cpuNanos();
    for (int i = 0; i < n; i++) {
      EnrichedArticle e =
          Topics.ENRICHED
              .valueSerde()
              .deserializer()
              .deserialize(Topics.ENRICHED.name(), input.get(i));
      ArticleMatch article = ArticleMatch.of(e);
      for (AlertRule r : rules) {
        if (r.matches(article)) {
          matches++;
        }
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    double cpu = (cpuNanos() - c0) / 1e9;
    if (!warmup) {
      System.out.printf(
          "%13d  %10.0f  %10.1f  %10.1f  %7d%n", subs, n / s, s * 1e6 / n, cpu * 1e6 / n, matches);
    }
  }

  /**
   * CPU time of this thread: on a shared, loaded machine the wall-clock rate says more about the
   * neighbours than about the code, so both are printed.
   */
  private static long cpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static List<String> queries(int subs) {
    Random r = new Random(7);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < subs; i++) {
      out.add(
          switch (i % 4) {
            case 0 ->
                "{\"q\":\""
                    + WORDS[r.nextInt(WORDS.length)]
                    + " "
                    + WORDS[r.nextInt(WORDS.length)]
                    + "\",\"language\":\"es\",\"entityAny\":[\"Q"
                    + r.nextInt(50)
                    + "\",\"Q"
                    + r.nextInt(50)
                    + "\"]}";
            case 1 ->
                "{\"q\":\"\\\""
                    + WORDS[r.nextInt(WORDS.length)]
                    + " "
                    + WORDS[r.nextInt(WORDS.length)]
                    + " "
                    + WORDS[r.nextInt(WORDS.length)]
                    + "\\\"\"}";
            case 2 ->
                "{\"entity\":\"Q"
                    + r.nextInt(50)
                    + "\",\"q\":\"-"
                    + WORDS[r.nextInt(WORDS.length)]
                    + "\"}";
            default -> "{\"storySources\":" + (2 + r.nextInt(4)) + "}";
          });
    }
    return out;
  }

  private static void run(int subs, List<byte[]> input, boolean warmup) throws Exception {
    Path state = Files.createTempDirectory("alerts-bench");
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-bench");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    try (TopologyTestDriver driver =
        new TopologyTestDriver(AlertTopology.build(Duration.ofDays(30)), p)) {
      TestInputTopic<String, String> subscriptions =
          driver.createInputTopic(
              Topics.ALERT_SUBSCRIPTIONS.name(), new StringSerializer(), new StringSerializer());
      List<String> queries = queries(subs);
      for (int i = 0; i < subs; i++) {
        // created before every article, which a subscription only fires on when enriched after its
        // creation
        subscriptions.pipeInput(
            "s" + i,
            "{\"id\":\"s"
                + i
                + "\",\"name\":\"s"
                + i
                + "\",\"createdAt\":\"2000-01-01T00:00:00Z\",\"query\":"
                + queries.get(i)
                + "}");
      }
      TestInputTopic<String, byte[]> in =
          driver.createInputTopic(
              Topics.ENRICHED.name(), new StringSerializer(), new ByteArraySerializer());
      TestOutputTopic<String, String> out =
          driver.createOutputTopic(
              Topics.ALERTS.name(), new StringDeserializer(), new StringDeserializer());
      int n = warmup ? Math.min(2000, input.size()) : input.size();
      long alerts = 0;
      long t0 = System.nanoTime();
      long c0 = cpuNanos();
      for (int i = 0; i < n; i++) {
        in.pipeInput("k" + i, input.get(i));
        if (i % 1000 == 999) {
          alerts += out.readValuesToList().size();
        }
      }
      alerts += out.readValuesToList().size();
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (cpuNanos() - c0) / 1e9;
      if (!warmup) {
        System.out.printf(
            "%13d  %10.0f  %10.1f  %10.1f  %6d%n", subs, n / s, s * 1e6 / n, cpu * 1e6 / n, alerts);
      }
    }
  }

  private static List<byte[]> articles(int n) {
    Random r = new Random(42);
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 120; w++) {
        text.append(WORDS[r.nextInt(WORDS.length)]).append(w % 15 == 14 ? ". " : " ");
      }
      EnrichedArticle e =
          SampleArticles.enriched(
              SampleArticles.raw(
                      "https://bench.example/" + i,
                      "Nota " + i + " " + WORDS[r.nextInt(WORDS.length)],
                      text.toString())
                  .setLanguage(r.nextBoolean() ? "es" : "en")
                  .build());
      e.setEntities(
          List.of(
              Entity.newBuilder()
                  .setId("Q" + r.nextInt(50))
                  .setName("E")
                  .setType("ORG")
                  .setMentions(1)
                  .setFirstOffset(0)
                  .setLinked(true)
                  .build()));
      e.getDedup().setStoryId("story-" + r.nextInt(n / 4 + 1));
      e.getDedup().setStorySources(1 + r.nextInt(6));
      out.add(Topics.ENRICHED.valueSerde().serializer().serialize(Topics.ENRICHED.name(), e));
    }
    return out;
  }
}
