package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.KafkaSettings;
import io.vigia.schemas.Correction;
import io.vigia.schemas.EntityAction;
import io.vigia.schemas.EntityCorrection;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.StanceCorrection;
import io.vigia.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigia learn} against a real broker (in-process KRaft): the corrections in {@code
 * vigia.corrections} (one of them taken back) and their articles in {@code vigia.articles.raw}
 * become the next profile version: stance examples in its training data, an alias in its knowledge
 * base, which {@code vigia enrich --profile} then links; a generic mention is reported, not added.
 */
class LearnFromCorrectionsIT {
  private static final String TARGET = "maduro-government";
  private static final String MADURO = "Q57413";
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  private final ByteArrayOutputStream out = console.out;
  private final ByteArrayOutputStream err = console.err;

  @TempDir Path tmp;

  @Test
  void shouldLearnTheCorrectionsIntoTheNextVersionAndLinkTheLearnedAlias() throws Exception {
    try (EmbeddedKafka broker = new EmbeddedKafka(tmp.resolve("kafka"), 0).start()) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), 1, (short) 1);
      SharedTopics.prepare(kafka);
      produce(kafka);
      Path v2 = tmp.resolve("v2");

      int code =
          Vigia.execute(
              "learn",
              "--bootstrap-servers",
              broker.bootstrapServers(),
              "--data",
              tmp.resolve("data").toString(),
              "--out",
              v2.toString(),
              "--folds",
              "3");

      String report = out.toString(StandardCharsets.UTF_8);
      assertThat(code).as(report + err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(report)
          .contains(
              "corrections: 5 in force: 2 articles with a stance label, 1 marked on or off topic")
          .contains("2 entity links added")
          .contains("on the corrections (3)")
          .containsPattern("stance maduro-government +2 labelled")
          .contains("alias \"Presidente Obrero\" added to " + MADURO)
          .contains("\"El Gobierno\" not added to " + MADURO + ": too generic");

      // The stance model learned from the corrections: their articles, with the corrected labels
      // (the stance taken back is not there, the relevance of the same article is), and the model
      // names them as a data source.
      List<String> examples = Files.readAllLines(v2.resolve("stance-examples.jsonl"));
      assertThat(examples)
          .anyMatch(l -> l.contains("\"id\":\"c-against\"") && l.contains("\"against\""))
          .anyMatch(l -> l.contains("\"id\":\"c-favor\"") && l.contains("\"favor\""))
          .anyMatch(l -> l.contains("\"id\":\"c-retracted\"") && l.contains("\"relevant\":false"))
          .noneMatch(l -> l.contains("\"id\":\"c-retracted\"") && l.contains("\"stance\""));
      JsonNode model = new ObjectMapper().readTree(v2.resolve("stance-model.json").toFile());
      assertThat(model.path("data").findValuesAsText("role")).contains("corrections");

      // The knowledge base of the new version has the alias; the shipped one does not.
      String people = Files.readString(v2.resolve("entities/people.yaml"));
      assertThat(people).contains("Presidente Obrero").doesNotContain("El Gobierno");

      Path article = tmp.resolve("article.jsonl");
      Files.writeString(
          article,
          "{\"id\":\"new\",\"url\":\"https://wire.example/new\",\"title\":\"El Presidente Obrero y el CNE\","
              + "\"text\":\"El Presidente Obrero pidió al Consejo Nacional Electoral de Venezuela fijar la fecha "
              + "de las elecciones presidenciales, dijo un vocero en Caracas.\",\"language\":\"es\"}\n");
      assertThat(linked(article, v2.toString())).contains(MADURO);
      assertThat(linked(article, "venezuela-elections")).doesNotContain(MADURO);
    }
  }

  @Test
  void shouldReadTheDataFoldersBrokerWhenNoVigiaRunIsRunning() throws Exception {
    Path data = tmp.resolve("data");
    try (EmbeddedKafka broker = new EmbeddedKafka(data.resolve("kafka"), 0).start()) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), 1, (short) 1);
      SharedTopics.prepare(kafka);
      produce(kafka);
    }
    // What a stopped `vigia run` leaves behind: its log and the address it no longer listens on.
    EmbeddedAddress.write(data, "127.0.0.1:1");

    int code =
        Vigia.execute(
            "learn",
            "--data",
            data.toString(),
            "--out",
            tmp.resolve("v2").toString(),
            "--folds",
            "3");

    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(report + err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(report)
        .contains("corrections: 5 in force")
        .contains("alias \"Presidente Obrero\" added to " + MADURO);
    assertThat(Files.readString(tmp.resolve("v2/entities/people.yaml")))
        .contains("Presidente Obrero");
  }

  @Test
  void shouldSayHowToFixItWhenNoBrokerAnswers() {
    int code =
        Vigia.execute(
            "learn",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--data",
            tmp.toString(),
            "--out",
            tmp.resolve("v2").toString());

    assertThat(code).isEqualTo(ErrorHandler.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("cannot read the corrections: no Kafka answers at 127.0.0.1:1")
        .contains("--no-corrections");
    assertThat(tmp.resolve("v2")).doesNotExist();
  }

  /** The entity ids {@code vigia enrich --profile PROFILE} links in the article. */
  private List<String> linked(Path article, String profile) throws Exception {
    out.reset();
    int code = Vigia.execute("enrich", "--input", article.toString(), "--profile", profile);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode first =
        new ObjectMapper()
            .readTree(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    return first.path("entities").findValuesAsText("id");
  }

  private static void produce(KafkaSettings kafka) throws Exception {
    Properties p = kafka.clientProperties();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, RawArticle> raw =
            new KafkaProducer<>(
                p, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
        KafkaProducer<String, Correction> corrections =
            new KafkaProducer<>(
                p,
                Topics.CORRECTIONS.keySerde().serializer(),
                Topics.CORRECTIONS.valueSerde().serializer())) {
      for (RawArticle a :
          List.of(
              article(
                  "c-against",
                  "La dictadura encarceló a presos políticos",
                  "La dictadura de Maduro encarceló a presos políticos tras el fraude electoral y la "
                      + "represión. El Gobierno se niega a publicar las actas."),
              article(
                  "c-favor",
                  "El pueblo heroico defendió la soberanía",
                  "El pueblo heroico defendió la soberanía frente al bloqueo criminal y la guerra "
                      + "económica. Victoria de la revolución bolivariana contra la injerencia imperial."),
              article(
                  "c-retracted",
                  "El CNE publicó el cronograma",
                  "El Consejo Nacional Electoral publicó el cronograma electoral, dijo un vocero."),
              article(
                  "c-alias",
                  "El Presidente Obrero habló en Caracas",
                  "El Presidente Obrero habló ante simpatizantes en Caracas y anunció medidas económicas."))) {
        raw.send(new ProducerRecord<>(Topics.RAW.name(), a.getId(), a)).get();
      }
      for (Correction c :
          List.of(
              stance("c-against", "against"),
              stance("c-favor", "favor"),
              stance("c-retracted", "favor"),
              relevant("c-retracted"),
              linked("c-alias", "Presidente Obrero"),
              linked("c-against", "El Gobierno"))) {
        corrections
            .send(
                new ProducerRecord<>(
                    Topics.CORRECTIONS.name(),
                    Topics.correctionKey(c.getArticleId(), c.getField()),
                    c))
            .get();
      }
      // Taken back: a tombstone.
      corrections
          .send(
              new ProducerRecord<>(
                  Topics.CORRECTIONS.name(),
                  Topics.correctionKey("c-retracted", "stance:" + TARGET),
                  null))
          .get();
    }
  }

  private static RawArticle article(String id, String title, String text) {
    return RawArticle.newBuilder()
        .setId(id)
        .setUrl("https://wire.example/" + id)
        .setCanonicalUrl("https://wire.example/" + id)
        .setSource("Wire")
        .setTitle(title)
        .setText(text)
        .setLanguage("es")
        .setFetchedAt(AT)
        .setContentHash("h-" + id)
        .build();
  }

  private static Correction stance(String id, String label) {
    return base(id, "stance:" + TARGET).setStance(new StanceCorrection(TARGET, label)).build();
  }

  private static Correction relevant(String id) {
    return base(id, "relevant").setRelevant(false).build();
  }

  private static Correction linked(String id, String mention) {
    return base(id, "entity:" + MADURO)
        .setEntity(
            EntityCorrection.newBuilder()
                .setId(MADURO)
                .setAction(EntityAction.ADD)
                .setMention(mention)
                .build())
        .build();
  }

  private static Correction.Builder base(String id, String field) {
    return Correction.newBuilder().setArticleId(id).setField(field).setBy("alice").setAt(AT);
  }
}
