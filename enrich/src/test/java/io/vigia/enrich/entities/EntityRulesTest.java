package io.vigia.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigia.common.profile.WatchProfile;
import io.vigia.schemas.Entity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of the linker and of unlinked names, each on sentences written for it. */
class EntityRulesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String KB =
      """
      entities:
        - {id: Q717, name: Venezuela, type: PLACE, aliases: [Venezuela], demonyms: [Venezuelan], country: Q717}
        - {id: Q1533, name: Caracas, type: PLACE, aliases: [Caracas], country: Q717}
        - {id: Q736, name: Ecuador, type: PLACE, aliases: [Ecuador], demonyms: [Ecuadorian], country: Q736}
        - {id: q/quito, name: Quito, type: PLACE, aliases: [Quito], country: Q736}
        - {id: q/bogota, name: Bogotá, type: PLACE, aliases: [Bogotá], country: Q739}
        - {id: q/lima, name: Lima, type: PLACE, aliases: [Lima], country: Q419}
        - {id: q/santiago, name: Santiago, type: PLACE, aliases: [Santiago de Chile], weak: [Santiago], context: [Chile], country: Q298}
        - {id: q/mp, name: Ministerio Público, type: ORG, aliases: [Ministerio Público de Venezuela], generic: [Ministerio Público, Fiscalía], country: Q717}
        - {id: q/vp, name: Voluntad Popular, type: ORG, aliases: [Voluntad Popular], country: Q717}
      """;

  private static KnowledgeBaseEntityLinker linker() throws Exception {
    return new KnowledgeBaseEntityLinker(KnowledgeBase.from(YAML.readTree(KB), "test"));
  }

  private static Map<String, Entity> found(String text) throws Exception {
    return linker().link("", text, "es").stream()
        .collect(Collectors.toMap(Entity::getName, e -> e, (a, b) -> a));
  }

  private static Set<String> unlinked(String text) throws Exception {
    return linker().link("", text, "es").stream()
        .filter(e -> !e.getLinked())
        .map(Entity::getName)
        .collect(Collectors.toSet());
  }

  @Nested
  class TypingByHeadWord {
    @Test
    void shouldTypeInstitutionsAndProgrammesAsOrganisations() throws Exception {
      Map<String, Entity> f =
          found(
              "Lo anunció el Sistema Nacional de Vigilancia Hídrica. También habló la Gran Misión"
                  + " Agua Clara, y el Juzgado Quinto de Control fijó la audiencia. The Northern"
                  + " Lakes Ministry did not answer.");
      assertThat(f.get("Sistema Nacional de Vigilancia Hídrica").getType()).isEqualTo("ORG");
      assertThat(f.get("Gran Misión Agua Clara").getType()).isEqualTo("ORG");
      assertThat(f.get("Juzgado Quinto de Control").getType()).isEqualTo("ORG");
      assertThat(f.get("Northern Lakes Ministry").getType()).isEqualTo("ORG");
    }

    @Test
    void shouldTypePlacesByTheirHeadWord() throws Exception {
      Map<String, Entity> f =
          found("La marcha salió de la Plaza Teresa Carreño hacia la Avenida Los Samanes.");
      assertThat(f.get("Plaza Teresa Carreño").getType()).isEqualTo("PLACE");
      assertThat(f.get("Avenida Los Samanes").getType()).isEqualTo("PLACE");
    }

    @Test
    void shouldKeepPeopleAsPeople() throws Exception {
      assertThat(
              found("Declaró Ramona Elvira Quintana ante la prensa.")
                  .get("Ramona Elvira Quintana")
                  .getType())
          .isEqualTo("PERSON");
    }

    @Test
    void shouldNotTakeAFragmentStartingWithAnAdjectiveForAName() throws Exception {
      assertThat(unlinked("Es un registro de instituciones Públicas y Privadas del país."))
          .isEmpty();
    }

    @Test
    void shouldReportNoLawPrizeOrOperation() throws Exception {
      assertThat(
              unlinked(
                  "Se aplicó la Ley Orgánica de Procesos Comiciales. Recibió el Premio Ríos a la"
                      + " Libertad de Prensa. It was called Operation Bright Dawn."))
          .isEmpty();
    }

    @Test
    void shouldNotTakeAMinistersPortfolioForAName() throws Exception {
      assertThat(
              unlinked(
                  "Lo dijo el exministro de Cultura y de Educación Universitaria, y el ministro de"
                      + " Interior, Justicia y Paz lo confirmó."))
          .isEmpty();
    }
  }

  @Nested
  class CreditLines {
    @Test
    void shouldReadNoNameFromADatelineOrACreditLine() throws Exception {
      String text =
          "CARACAS, 12 mar (Agencia Andina Sur).- El Ministerio Público citó a Ramona Elvira"
              + " Quintana.\n\nFoto: Prensa Gobernación Regional\n\nCon información de Noticias"
              + " Uno y Europa Press.";
      Map<String, Entity> f = found(text);
      assertThat(f.keySet())
          .containsExactlyInAnyOrder("Ministerio Público", "Ramona Elvira Quintana");
    }

    @Test
    void shouldReadNoNameFromADatelineInOrdinaryCaseOrAClosingAgencyTag() throws Exception {
      Map<String, Entity> f =
          found(
              "Caracas, 28 jul (Prensa Latina).- Votaron millones. Dijo el vocero. (Agencia Sur)");
      assertThat(f).doesNotContainKeys("Caracas", "Prensa Latina", "Agencia Sur");
    }

    @Test
    void shouldStillLinkTheDatelineCityWhenTheStoryNamesIt() throws Exception {
      Map<String, Entity> f = found("CARACAS (AP) — Hubo colas en Caracas desde temprano.");
      assertThat(f.get("Caracas").getMentions()).isEqualTo(1);
    }
  }

  @Nested
  class CoordinatedNames {
    @Test
    void shouldSplitCoordinatedNamesIntoTheirParts() throws Exception {
      assertThat(
              unlinked(
                  "Delegates flew to Port Ellery and Green Harbour. Firmaron Ramona Elvira"
                      + " Quintana y Rosa Mújica Paz."))
          .containsExactlyInAnyOrder(
              "Port Ellery", "Green Harbour", "Ramona Elvira Quintana", "Rosa Mújica Paz");
    }

    @Test
    void shouldKeepAnInstitutionWhoseNameHasACoordinator() throws Exception {
      assertThat(unlinked("Habló el Ministerio de Ciencia y Tecnología ayer."))
          .containsExactly("Ministerio de Ciencia y Tecnología");
    }
  }

  @Nested
  class SentenceStarts {
    @Test
    void shouldNotTakeASentenceStartsCommonWordsForAName() throws Exception {
      assertThat(
              unlinked(
                  "Several Latin American governments objected. Varios Gobiernos de la región"
                      + " callaron. Today I work in a port. Many Venezuelans agree."))
          .isEmpty();
    }

    @Test
    void shouldDropTitlesAndDemonymsBeforeAName() throws Exception {
      assertThat(
              unlinked(
                  "Ecuadorian Foreign Minister Ramona Elvira Quintana spoke; the Secretary of State"
                      + " and the Attorney General did not."))
          .containsExactly("Ramona Elvira Quintana");
    }
  }

  @Nested
  class GenericInstitutions {
    @Test
    void shouldLinkAGenericInstitutionInAnArticleAboutItsCountry() throws Exception {
      Entity mp =
          found(
                  "En Caracas, el Ministerio Público de Venezuela imputó a dos alcaldes. La"
                      + " Fiscalía no dio nombres.")
              .get("Ministerio Público");
      assertThat(mp.getLinked()).isTrue();
      assertThat(mp.getMentions()).isEqualTo(2);
    }

    @Test
    void shouldKeepItUnlinkedAsAnOrganisationInAnArticleAboutAnotherCountry() throws Exception {
      Entity mp =
          found(
                  "En Quito, el Ministerio Público abrió una causa. Ecuador vota en abril. Ecuador"
                      + " cierra fronteras.")
              .get("Ministerio Público");
      assertThat(mp.getLinked()).isFalse();
      assertThat(mp.getType()).isEqualTo("ORG");
      assertThat(mp.getId()).isEqualTo("unlinked:ministerio-publico");
    }
  }

  @Nested
  class NamesThatNeedSettling {
    @Test
    void shouldLinkAWeakPlaceListedAmongPlaces() throws Exception {
      assertThat(found("Viven en Bogotá, Lima, Santiago y Caracas.").get("Santiago").getLinked())
          .isTrue();
      assertThat(found("Santiago llegó tarde a la reunión.")).doesNotContainKey("Santiago");
    }

    @Test
    void shouldNotLinkANameWrittenInLowerCase() throws Exception {
      assertThat(found("Respetaron la voluntad popular.")).doesNotContainKey("Voluntad Popular");
      assertThat(found("Lo dijo Voluntad Popular.")).containsKey("Voluntad Popular");
    }
  }

  @Nested
  class BundledKnowledgeBase {
    private final KnowledgeBase kb =
        KnowledgeBase.fromProfile(WatchProfile.load("venezuela-elections"));

    private List<KnowledgeBase.KnownEntity> category(String name) {
      return kb.entities().stream().filter(e -> e.category().equals(name)).toList();
    }

    @Test
    void shouldHoldVenezuelasStatesAndCapitalDistrict() {
      Set<String> names =
          category("venezuela-places").stream()
              .map(KnowledgeBase.KnownEntity::name)
              .collect(Collectors.toSet());
      assertThat(names)
          .contains(
              "Amazonas",
              "Anzoátegui",
              "Apure",
              "Aragua",
              "Barinas",
              "Estado Bolívar",
              "Carabobo",
              "Cojedes",
              "Delta Amacuro",
              "Falcón",
              "Guárico",
              "La Guaira",
              "Lara",
              "Mérida",
              "Miranda",
              "Monagas",
              "Nueva Esparta",
              "Portuguesa",
              "Sucre",
              "Táchira",
              "Trujillo",
              "Yaracuy",
              "Zulia",
              "Distrito Capital");
    }

    @Test
    void shouldHoldEveryCategoryWithItsKeyEntities() {
      assertThat(category("countries-and-capitals"))
          .extracting(KnowledgeBase.KnownEntity::name)
          .contains("Trinidad and Tobago", "Port of Spain", "Turkey", "Iran", "Cuba", "Ottawa");
      assertThat(category("cities"))
          .extracting(KnowledgeBase.KnownEntity::name)
          .contains("Doral", "Medellín", "Guayaquil", "Cúcuta", "Miami");
      assertThat(category("state-companies"))
          .extracting(KnowledgeBase.KnownEntity::name)
          .contains("CITGO", "Monómeros", "PDV Holding", "Conviasa", "Corpoelec");
      assertThat(category("detention-centres"))
          .extracting(KnowledgeBase.KnownEntity::name)
          .contains("El Helicoide", "Rodeo I", "Tocorón", "CECOT");
      assertThat(category("parties"))
          .extracting(KnowledgeBase.KnownEntity::name)
          .contains("Primero Justicia", "Encuentro Ciudadano", "Gran Polo Patriótico");
      assertThat(category("international-bodies"))
          .extracting(KnowledgeBase.KnownEntity::name)
          .contains("CARICOM", "Inter-American Commission on Human Rights");
      assertThat(category("venezuelan-institutions"))
          .filteredOn(e -> e.name().equals("Ministerio Público"))
          .singleElement()
          .satisfies(e -> assertThat(e.generic()).contains("Ministerio Público", "Fiscalía"));
    }

    @Test
    void shouldKeepDemonymsOutOfTheLinkedNames() {
      KnowledgeBase.KnownEntity venezuela =
          kb.entities().stream().filter(e -> e.id().equals("Q717")).findFirst().orElseThrow();
      assertThat(venezuela.demonyms()).contains("Venezuelan");
      assertThat(venezuela.aliases()).doesNotContain("Venezuelan", "venezolano");
    }
  }

  @Test
  void shouldSayWhichIncludedFileIsMissing() throws Exception {
    JsonNode root = YAML.readTree("include: [entities/people.yaml]");
    assertThatThrownBy(() -> KnowledgeBase.from(root, "p/entities.yaml", f -> Optional.empty()))
        .hasMessageContaining("entities/people.yaml")
        .hasMessageContaining("missing");
  }

  @Test
  void shouldRequireACountryForGenericNames() throws Exception {
    JsonNode root = YAML.readTree("entities: [{id: x, name: X, type: ORG, generic: [Fiscalía]}]");
    assertThatThrownBy(() -> KnowledgeBase.from(root, "t"))
        .hasMessageContaining("generic names need the entity's country");
  }
}
