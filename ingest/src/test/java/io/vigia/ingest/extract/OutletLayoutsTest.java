package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The layouts Spanish-language outlets serve that cost points on real pages (issue 21). */
class OutletLayoutsTest {
  private final JsoupArticleExtractor extractor = new JsoupArticleExtractor();

  @Test
  void shouldReturnTheRequestedArticleOfAStackNotTheLongestOne() {
    ExtractedPage p =
        extractor.extract(
            "https://www.elmalecon.example/regiones/pescadores-hielo",
            fixture("stacked-articles.html"),
            null);

    assertThat(p.title()).isEqualTo("Pescadores de La Guaira denuncian la falta de hielo");
    assertThat(p.text())
        .startsWith("Los pescadores artesanales de Catia La Mar")
        .contains("las familias que viven de la faena")
        .doesNotContain("feria del libro")
        .doesNotContain("Puerto Cabello");
  }

  @Test
  void shouldJoinTheLeadKeptInItsOwnContainerToTheRestOfTheBody() {
    ExtractedPage p =
        extractor.extract("https://www.andes.example/chama", fixture("split-body.html"), null);

    assertThat(p.text())
        .startsWith("Protección Civil desalojó anoche a unas ochenta familias")
        .contains("las clases en las tres escuelas de la zona")
        .doesNotContain("Otra nota de la semana pasada");
  }

  @Test
  void shouldMarkAPaywalledPageAndReturnItsTeaserWithoutTheLockLabel() {
    ExtractedPage p =
        extractor.extract("https://www.labitacora.example/puerto", fixture("paywalled.html"), null);

    assertThat(p.paywalled()).isTrue();
    assertThat(p.isArticle()).as("a teaser is an article, marked paywalled").isTrue();
    assertThat(p.text())
        .isEqualTo(
            "Durante tres años, la empresa encargada del dragado del puerto de Buenaventura cobró dos veces por los mismos trabajos, según documentos revisados por este medio.");
    assertThat(p.standfirst())
        .isEqualTo(
            "Una revisión de los contratos de dragado muestra pagos duplicados durante tres años seguidos");
    assertThat(p.readerText())
        .startsWith("Una revisión de los contratos")
        .doesNotContainIgnoringCase("suscriptor");
    assertThat(p.publishedAt()).isEqualTo(OffsetDateTime.parse("2024-09-10T21:40:00-05:00"));
    assertThat(p.publishedOffsetSeconds()).isEqualTo(-5 * 3600);
  }

  @Test
  void shouldExposeTheStandfirstInTheHeaderAndLeaveOneLineAppealsOut() {
    ExtractedPage p =
        extractor.extract(
            "https://www.lara.example/maestros", fixture("standfirst-and-footers.html"), null);

    assertThat(p.standfirst()).startsWith("El bono llegó incompleto a más de dos mil docentes");
    assertThat(p.readerText()).startsWith(p.standfirst() + "\n\n" + "Más de dos mil maestros");
    assertThat(p.text())
        .endsWith("tampoco publicó un comunicado en sus cuentas oficiales.")
        .doesNotContain("donación")
        .doesNotContain("Síguenos")
        .doesNotContain("boletín");
    assertThat(p.paywalled()).isFalse();
  }

  @Test
  void shouldKeepTheLocalDayOfAnEveningStoryStatedInUtc() {
    ExtractedPage p =
        extractor.extract(
            "https://www.lara.example/maestros", fixture("standfirst-and-footers.html"), null);

    // 02:10Z on the 29th is 22:10 on the 28th in Caracas, the time the page shows.
    assertThat(p.publishedAt().toString()).isEqualTo("2024-07-28T22:10-04:00");
    assertThat(p.publishedOffsetSeconds()).isEqualTo(-4 * 3600);
  }

  @Test
  void shouldTakeTheLocalOffsetAnotherTagStatesForTheSameInstant() {
    String html =
        """
        <html><head><title>Nota</title>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Cierre de mesas en Zulia","datePublished":"2024-07-29T03:05:00Z"}</script>
        <meta property="article:published_time" content="2024-07-28T23:05:00-04:00"></head>
        <body><h1>Cierre de mesas en Zulia</h1><div class="cuerpo">
        <p>Las mesas de votación de Maracaibo cerraron pasadas las seis de la tarde, aunque en varios centros había electores en la fila esperando su turno.</p>
        </div></body></html>
        """;
    ExtractedPage p =
        extractor.extract(
            "https://zulia.example/a", html.getBytes(), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(p.publishedAt()).isEqualTo(OffsetDateTime.parse("2024-07-28T23:05:00-04:00"));
    assertThat(p.publishedAt().getOffset().getTotalSeconds()).isEqualTo(-4 * 3600);
  }

  @Test
  void shouldSayNoOffsetWasStatedForATimeWithoutOne() {
    String html =
        """
        <html><head><meta property="article:published_time" content="2024-07-28T22:10:00"></head>
        <body><h1>Una nota sin zona horaria declarada</h1><div class="cuerpo">
        <p>Las mesas de votación de Maracaibo cerraron pasadas las seis de la tarde, aunque en varios centros había electores en la fila esperando su turno.</p>
        </div></body></html>
        """;
    ExtractedPage p =
        extractor.extract(
            "https://zulia.example/b", html.getBytes(), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(p.publishedOffsetStated()).isFalse();
    assertThat(p.publishedOffsetSeconds()).isNull();
    assertThat(p.publishedAt().toLocalDate()).hasToString("2024-07-28");
  }

  private static byte[] fixture(String name) {
    try (InputStream in = OutletLayoutsTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
