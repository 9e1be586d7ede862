package io.vigia.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigia.common.profile.WatchProfile;
import io.vigia.schemas.Entity;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KnowledgeBaseEntityLinkerTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static KnowledgeBaseEntityLinker linker(String yaml) throws Exception {
    return new KnowledgeBaseEntityLinker(KnowledgeBase.from(YAML.readTree(yaml), "test"));
  }

  private static final String KB =
      """
      entities:
        - {id: Q1, name: Nicolás Maduro, type: PERSON, aliases: [Nicolás Maduro, Maduro]}
        - {id: Q2, name: Edmundo González, type: PERSON, aliases: [Edmundo González, González Urrutia], weak: [González]}
        - {id: Q3, name: Stalin González, type: PERSON, aliases: [Stalin González], weak: [González]}
        - {id: Q4, name: Consejo Nacional Electoral, type: ORG, aliases: [Consejo Nacional Electoral, National Electoral Council, CNE]}
        - {id: Q5, name: United Nations, type: ORG, aliases: [United Nations, UN, ONU]}
        - {id: Q6, name: Valencia, type: PLACE, aliases: [], weak: [Valencia], context: [Carabobo]}
      """;

  private static Map<String, Entity> byName(List<Entity> list) {
    return list.stream().collect(Collectors.toMap(Entity::getName, e -> e, (a, b) -> a));
  }

  @Test
  void shouldLinkEveryNameOfAnEntityToOneIdWithMentionsAndFirstOffset() throws Exception {
    String text =
        "El presidente Nicolás Maduro habló. Luego MADURO dijo que el CNE y el Consejo Nacional Electoral decidirán.";
    Map<String, Entity> found = byName(linker(KB).link("t", text, "es"));
    assertThat(found.get("Nicolás Maduro").getId()).isEqualTo("Q1");
    assertThat(found.get("Nicolás Maduro").getMentions()).isEqualTo(2);
    assertThat(found.get("Nicolás Maduro").getFirstOffset()).isEqualTo(text.indexOf("Nicolás"));
    assertThat(found.get("Consejo Nacional Electoral").getMentions()).isEqualTo(2);
    assertThat(found.get("Consejo Nacional Electoral").getLinked()).isTrue();
  }

  @Test
  void shouldResolveASurnameToTheFullNameMentionedInTheSameArticle() throws Exception {
    Map<String, Entity> found =
        byName(
            linker(KB)
                .link("t", "Edmundo González llegó a Madrid. González dijo que volverá.", "es"));
    assertThat(found.get("Edmundo González").getMentions()).isEqualTo(2);
    assertThat(found).doesNotContainKey("Stalin González");
  }

  @Test
  void shouldNotTakeTheEndOfAnotherPersonsNameForAWeakSurname() throws Exception {
    Map<String, Entity> found =
        byName(
            linker(KB)
                .link(
                    "t",
                    "Edmundo González llegó a Madrid. Su asesor Omar González se quedó en Caracas."
                        + " González habló después.",
                    "es"));
    assertThat(found.get("Edmundo González").getMentions())
        .as("the bare surname, not Omar's")
        .isEqualTo(2);
    assertThat(found.get("Omar González").getLinked()).isFalse();
    // a capitalised word that opens the sentence is no first name
    assertThat(
            byName(
                    linker(KB)
                        .link("t", "Edmundo González viajó y Luisa González lo despidió.", "es"))
                .get("Edmundo González")
                .getMentions())
        .isEqualTo(1);
    assertThat(
            byName(linker(KB).link("t", "Edmundo González viajó. Pero González habló.", "es"))
                .get("Edmundo González")
                .getMentions())
        .isEqualTo(2);
  }

  @Test
  void shouldLeaveAnAmbiguousSurnameUnlinkedRatherThanGuess() throws Exception {
    List<Entity> found = linker(KB).link("t", "González habló con la prensa.", "es");
    assertThat(found).noneMatch(Entity::getLinked);
  }

  @Test
  void shouldNotTakeSpanishUnForTheUnitedNations() throws Exception {
    Map<String, Entity> found =
        byName(linker(KB).link("t", "Es un día largo. The UN spoke; la ONU también.", "es"));
    assertThat(found.get("United Nations").getMentions()).isEqualTo(2);
  }

  @Test
  void shouldLinkAWeakPlaceNameOnlyWithItsContext() throws Exception {
    assertThat(byName(linker(KB).link("t", "En Valencia llovió.", "es")))
        .doesNotContainKey("Valencia");
    assertThat(byName(linker(KB).link("t", "En Valencia, estado Carabobo, llovió.", "es")))
        .containsKey("Valencia");
  }

  @Test
  void shouldReportUnknownNamesAsUnlinked() throws Exception {
    Map<String, Entity> found =
        byName(
            linker(KB)
                .link("t", "La dirigente Carmen Teresa Aldana anunció su candidatura.", "es"));
    assertThat(found.get("Carmen Teresa Aldana").getLinked()).isFalse();
    assertThat(found.get("Carmen Teresa Aldana").getType()).isEqualTo("PERSON");
    assertThat(found.get("Carmen Teresa Aldana").getId()).startsWith("unlinked:");
  }

  @Test
  void shouldTypeAnUnknownBodyAsAnOrganisationWhenItsNameSaysSo() throws Exception {
    Map<String, Entity> found =
        byName(
            linker(KB)
                .link(
                    "t",
                    "The National Elections Jury and the Red de Observadores Electorales met Carmen Teresa Aldana.",
                    "en"));
    assertThat(found)
        .containsKeys(
            "National Elections Jury", "Red de Observadores Electorales", "Carmen Teresa Aldana");
    assertThat(found.get("National Elections Jury").getType()).isEqualTo("ORG");
    assertThat(found.get("Red de Observadores Electorales").getType()).isEqualTo("ORG");
    assertThat(found.get("Carmen Teresa Aldana").getType()).isEqualTo("PERSON");
  }

  @Test
  void shouldNotCountANameInsideALongerKnownName() throws Exception {
    KnowledgeBaseEntityLinker l =
        new KnowledgeBaseEntityLinker(
            KnowledgeBase.fromProfile(WatchProfile.load("venezuela-elections")));
    Map<String, Entity> found =
        byName(
            l.link(
                "t", "El Partido Socialista Unido de Venezuela y Vente Venezuela votaron.", "es"));
    assertThat(found)
        .containsKeys("Partido Socialista Unido de Venezuela", "Vente Venezuela")
        .doesNotContainKey("Venezuela");
  }

  @Test
  void shouldShipARichDefaultKnowledgeBase() {
    KnowledgeBase kb = KnowledgeBase.fromProfile(WatchProfile.load("venezuela-elections"));
    assertThat(kb.entities()).hasSizeGreaterThanOrEqualTo(150);
    assertThat(kb.entities())
        .extracting(KnowledgeBase.KnownEntity::type)
        .contains("PERSON", "ORG", "PLACE");
  }

  @Test
  void shouldRejectAKnowledgeBaseWithDuplicateIds() {
    assertThatThrownBy(
            () ->
                linker(
                    """
        entities:
          - {id: Q1, name: A, type: PERSON, aliases: [A]}
          - {id: Q1, name: B, type: PERSON, aliases: [B]}
        """))
        .hasMessageContaining("duplicate id 'Q1'");
  }
}
