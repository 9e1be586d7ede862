package io.vigia.app.testing;

import io.vigia.common.text.TextNormalizer;
import io.vigia.common.url.CanonicalUrl;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A synthetic, varied stored history of raw articles for reprocessing tests and the bench: article
 * {@code i} is always the same. Most are election news from Venezuela (relevant to the shipped
 * profile), each with its own sentences and figures so no two are near-duplicates by accident;
 * every tenth is a verbatim copy, on another site, of the article five before it (a syndicated
 * copy: dedup must link it to that original); every seventh of the rest is a census report from
 * Venezuela with no electoral anchor (off-topic for the shipped profile, on topic once a profile
 * counts "censo" as a political anchor).
 */
public final class SyntheticHistory {
  private SyntheticHistory() {}

  private static final List<String> SUBJECTS =
      List.of(
          "El Consejo Nacional Electoral",
          "La Plataforma Unitaria",
          "El PSUV",
          "El Tribunal Supremo de Justicia",
          "Un grupo de observadores internacionales",
          "La rectora principal del organismo electoral",
          "El comando de campaña opositor",
          "La Asamblea Nacional",
          "Un equipo de testigos de mesa",
          "La misión de expertos electorales");
  private static final List<String> VERBS =
      List.of(
          "anunció",
          "denunció",
          "publicó",
          "cuestionó",
          "presentó",
          "defendió",
          "revisó",
          "confirmó",
          "rechazó",
          "auditó");
  private static final List<String> OBJECTS =
      List.of(
          "el cronograma de las elecciones presidenciales",
          "las actas de escrutinio de la jornada electoral",
          "la lista de centros de votación habilitados",
          "el registro electoral en el exterior",
          "los resultados del simulacro de votación",
          "la auditoría de las máquinas de votación",
          "las reglas de la campaña electoral",
          "el informe sobre la participación de los votantes",
          "la inscripción de candidaturas presidenciales",
          "la acreditación de observadores electorales");
  private static final List<String> PLACES =
      List.of(
          "Caracas",
          "Maracaibo",
          "Valencia",
          "Barquisimeto",
          "Mérida",
          "Ciudad Guayana",
          "Barcelona",
          "Maturín",
          "San Cristóbal",
          "Cumaná");
  private static final List<String> SITES =
      List.of(
          "diario-uno.example",
          "noticias-dos.example",
          "semanario-tres.example",
          "radio-cuatro.example",
          "portal-cinco.example");

  /** Article {@code i} of the history. */
  public static RawArticle article(int i) {
    if (isCopy(i)) {
      RawArticle original = article(originalOf(i));
      String url = "https://copias-" + (i % 3) + ".example/sindicado/" + i;
      return build(url, "Copias " + (i % 3), original.getTitle(), original.getText(), i);
    }
    SplittableRandom r = new SplittableRandom(0x5eed_0000L + i);
    String site = SITES.get(i % SITES.size());
    String url = "https://" + site + "/" + (isCensus(i) ? "sociedad" : "politica") + "/" + i;
    return isCensus(i)
        ? build(url, site, census(r, i, true), census(r, i, false), i)
        : build(url, site, election(r, i, true), election(r, i, false), i);
  }

  /** Every tenth article is a copy. */
  public static boolean isCopy(int i) {
    return i % 10 == 9;
  }

  /** The article a copy copies. */
  public static int originalOf(int i) {
    return i - 5;
  }

  /** A census report (not a copy): off-topic unless the profile counts the census. */
  public static boolean isCensus(int i) {
    return !isCopy(i) && i % 7 == 3;
  }

  /** A census text: a census report, or a copy of one. */
  public static boolean isCensusText(int i) {
    return isCensus(isCopy(i) ? originalOf(i) : i);
  }

  private static String election(SplittableRandom r, int i, boolean title) {
    String place = PLACES.get(r.nextInt(PLACES.size()));
    if (title) {
      return pick(r, SUBJECTS)
          + " "
          + pick(r, VERBS)
          + " en "
          + place
          + " "
          + pick(r, OBJECTS)
          + " ("
          + i
          + ")";
    }
    StringBuilder text = new StringBuilder();
    int sentences = 5 + r.nextInt(4);
    for (int s = 0; s < sentences; s++) {
      text.append(pick(r, SUBJECTS))
          .append(' ')
          .append(pick(r, VERBS))
          .append(" en ")
          .append(PLACES.get(r.nextInt(PLACES.size())))
          .append(", Venezuela, ")
          .append(pick(r, OBJECTS))
          .append(" con ")
          .append(1000 + r.nextInt(900_000))
          .append(" registros del expediente ")
          .append(Integer.toHexString(r.nextInt()))
          .append(". ");
    }
    return text.toString().trim();
  }

  private static String census(SplittableRandom r, int i, boolean title) {
    String place = PLACES.get(r.nextInt(PLACES.size()));
    if (title) {
      return "El censo de población llega a " + place + " (" + i + ")";
    }
    StringBuilder text = new StringBuilder();
    int sentences = 4 + r.nextInt(3);
    for (int s = 0; s < sentences; s++) {
      text.append("El Instituto Nacional de Estadística de Venezuela contó ")
          .append(1000 + r.nextInt(900_000))
          .append(" hogares en ")
          .append(PLACES.get(r.nextInt(PLACES.size())))
          .append(" durante el censo de población, planilla ")
          .append(Integer.toHexString(r.nextInt()))
          .append(". ");
    }
    return text.toString().trim();
  }

  private static String pick(SplittableRandom r, List<String> from) {
    return from.get(r.nextInt(from.size()));
  }

  private static RawArticle build(String url, String source, String title, String text, int i) {
    String canonical = CanonicalUrl.normalise(url).orElse(url);
    Instant published = Instant.parse("2024-07-01T00:00:00Z").plusSeconds(60L * i);
    return RawArticle.newBuilder()
        .setId(CanonicalUrl.idOf(canonical))
        .setUrl(url)
        .setCanonicalUrl(canonical)
        .setSource(source)
        .setFeedUrl("https://" + source + "/feed.xml")
        .setTitle(title)
        .setText(text)
        .setLanguage("es")
        .setPublishedAt(published)
        .setFetchedAt(published.plusSeconds(30))
        .setContentHash(TextNormalizer.contentHash(text))
        .build();
  }

  /**
   * Stores articles {@code from} (inclusive) to {@code to} in {@code vigia.articles.raw}, keyed by
   * id, with the producer settings {@code producer} (bootstrap servers at least). A send the broker
   * refused fails the call: a history with holes would make every count after it wrong.
   */
  public static void store(Properties producer, int from, int to) {
    java.util.concurrent.atomic.AtomicReference<Exception> failed =
        new java.util.concurrent.atomic.AtomicReference<>();
    try (KafkaProducer<String, RawArticle> out =
        new KafkaProducer<>(
            producer, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
      for (int i = from; i < to; i++) {
        RawArticle a = article(i);
        // Stored as ingest stores an article: just after fetching it (the record's timestamp), one
        // a minute here, not all within the same millisecond.
        out.send(
            new ProducerRecord<>(
                Topics.RAW.name(), null, a.getFetchedAt().toEpochMilli(), a.getId(), a),
            (meta, e) -> {
              if (e != null) {
                failed.compareAndSet(null, e);
              }
            });
      }
      out.flush();
    }
    if (failed.get() != null) {
      throw new IllegalStateException("a raw article was not stored", failed.get());
    }
  }

  /** As above, with acknowledgement by every replica and nothing else set. */
  public static void store(String bootstrap, int from, int to) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    store(p, from, to);
  }

  /**
   * Turns the profile copy at {@code profile} into its version 2, in which "censo" is a political
   * anchor: this history's census reports, off topic for version 1, become on topic.
   */
  public static void censusOnTopic(Path profile) throws IOException {
    Path yaml = profile.resolve("profile.yaml");
    String before = Files.readString(yaml);
    String after = before.replaceFirst("(?m)^version: 1$", "version: 2");
    if (after.equals(before)) {
      throw new IllegalStateException(yaml + " is not version 1");
    }
    Files.writeString(yaml, after);
    Path rules = profile.resolve("relevance.yaml");
    String r = Files.readString(rules);
    String changed =
        r.replaceFirst(
            "(?m)^  politics:\\n    terms:\\n", "  politics:\n    terms:\n      censo*: 3\n");
    if (changed.equals(r)) {
      throw new IllegalStateException(rules + " has no politics terms to add the census to");
    }
    Files.writeString(rules, changed);
  }
}
