package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command-line contract of {@code vigia extract --manifest}: one JSON line out per line in. */
class ExtractCommandTest {
  @TempDir Path tmp;

  private static final String PAGE =
      """
      <!doctype html><html lang="es"><head><title>El CNE fija la fecha | Diario</title>
      <meta property="article:published_time" content="2024-07-29T10:00:00-04:00">
      <meta name="author" content="Luisa Pérez"><link rel="canonical" href="https://diario.example/cne-fecha"></head>
      <body><nav><a href="/">Portada</a></nav><article><h1>El CNE fija la fecha de la elección</h1>
      <p>El Consejo Nacional Electoral fijó la fecha de la elección presidencial para el domingo 28 de julio, anunció su presidente.</p>
      <p>La oposición pidió más tiempo para inscribir a los votantes que viven fuera del país y a sus candidatos.</p>
      </article></body></html>
      """;

  @Test
  void shouldPrintOneLinePerManifestEntryWithTheContractFields() throws Exception {
    Files.writeString(tmp.resolve("a.html"), PAGE);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp.resolve("b.html.gz")))) {
      out.write(PAGE.replace("cne-fecha", "cne-fecha-2").getBytes(StandardCharsets.UTF_8));
    }
    Path manifest =
        Files.writeString(
            tmp.resolve("manifest.jsonl"),
            """
        {"id": "a", "url": "https://diario.example/a", "path": "%s"}
        {"id": "b", "url": "https://diario.example/b", "path": "b.html.gz"}
        {"id": "missing", "url": "https://diario.example/c", "path": "nowhere.html"}
        """
                .formatted(tmp.resolve("a.html")));

    List<JsonNode> lines = run("--manifest", manifest.toString());

    assertThat(lines).hasSize(3);
    JsonNode a = lines.get(0);
    assertThat(a.path("id").asText()).isEqualTo("a");
    assertThat(a.path("url").asText()).isEqualTo("https://diario.example/a");
    assertThat(a.path("canonicalUrl").asText()).isEqualTo("https://diario.example/cne-fecha");
    assertThat(a.path("title").asText()).isEqualTo("El CNE fija la fecha de la elección");
    assertThat(a.path("byline").asText()).isEqualTo("Luisa Pérez");
    assertThat(a.path("publishedAt").asText())
        .as("the offset the page stated, with seconds")
        .isEqualTo("2024-07-29T10:00:00-04:00");
    assertThat(a.path("paywalled").isBoolean()).isTrue();
    assertThat(a.path("paywalled").asBoolean()).isFalse();
    assertThat(a.has("standfirst")).isTrue();
    assertThat(a.path("language").asText()).isEqualTo("es");
    assertThat(a.path("text").asText())
        .startsWith("El Consejo Nacional Electoral fijó")
        .contains("\n\nLa oposición")
        .doesNotContain("Portada");
    assertThat(a.path("isArticle").asBoolean()).isTrue();
    assertThat(lines.get(1).path("canonicalUrl").asText())
        .as("relative path, gzip")
        .isEqualTo("https://diario.example/cne-fecha-2");
    assertThat(lines.get(2).path("isArticle").asBoolean()).isFalse();
    assertThat(lines.get(2).path("error").asText()).contains("nowhere.html");
  }

  private List<JsonNode> run(String... args) throws Exception {
    ExtractCommand command = new ExtractCommand();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertThat(new CommandLine(command).execute(args)).isZero();
    List<JsonNode> out = new java.util.ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        out.add(Json.MAPPER.readTree(line));
      }
    }
    return out;
  }
}
