package io.vigia.enrich.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigia.enrich.entities.KnowledgeBase;
import io.vigia.enrich.learn.CorrectionLessons.LinkedMention;
import io.vigia.enrich.learn.CorrectionLessons.RemovedLink;
import java.util.List;
import org.junit.jupiter.api.Test;

class AliasLearnerTest {
  static final String KB_YAML =
      """
      entities:
        - {id: Q57413, name: Nicolás Maduro, type: PERSON, aliases: [Nicolás Maduro, Maduro]}
        - {id: vigia:person/delcy-rodriguez, name: Delcy Rodríguez, type: PERSON, aliases: [Delcy Rodríguez], weak: [Rodríguez]}
        - {id: vigia:person/diosdado-cabello, name: Diosdado Cabello, type: PERSON, aliases: [Diosdado Cabello, Cabello]}
        - {id: vigia:person/maria-corina-machado, name: María Corina Machado, type: PERSON, aliases: [María Corina Machado, Machado]}
        - {id: vigia:person/antonio-machado, name: Antonio Machado, type: PERSON, aliases: [Antonio Machado]}
      """;

  static KnowledgeBase kb() throws Exception {
    return KnowledgeBase.from(new ObjectMapper(new YAMLFactory()).readTree(KB_YAML), "test");
  }

  private static final String TEXT =
      "El Presidente Obrero habló en Caracas. El gobierno, dijo Rodríguez, no cederá. Machado respondió.";

  private static LinkedMention mention(String entity, String words) {
    return new LinkedMention("a1", entity, words, TEXT);
  }

  @Test
  void shouldAddANewNameAnAnalystLinkedAndSayWhyItSkipsTheOthers() throws Exception {
    AliasLearner.Plan plan =
        AliasLearner.plan(
            kb(),
            List.of(
                mention("Q57413", "Presidente Obrero"),
                new LinkedMention("a2", "Q57413", "presidente obrero", ""), // same name, twice
                mention("Q57413", "MADURO"),
                mention("vigia:person/delcy-rodriguez", "Rodríguez"),
                mention("vigia:person/antonio-machado", "Machado"),
                mention("Q57413", "gobierno"),
                mention("Q57413", "El Gobierno"),
                mention("Q57413", "El Gallo"),
                mention("Q99999", "Caracas")),
            List.of());

    assertThat(plan.added())
        .containsExactly(
            new AliasLearner.Added("Q57413", "Nicolás Maduro", "Presidente Obrero", 2));
    assertThat(plan.skipped())
        .extracting(AliasLearner.Skipped::mention, AliasLearner.Skipped::why)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("MADURO", "already an alias"),
            org.assertj.core.groups.Tuple.tuple(
                "Rodríguez",
                "already one of its weak or generic names, which link only where the article settles them"),
            org.assertj.core.groups.Tuple.tuple(
                "Machado",
                "also a name of vigia:person/maria-corina-machado (María Corina Machado); a name of two entities links neither"),
            org.assertj.core.groups.Tuple.tuple(
                "gobierno", "too generic: no capital letter, so no name"),
            org.assertj.core.groups.Tuple.tuple("El Gobierno", "too generic: only common words"),
            org.assertj.core.groups.Tuple.tuple("El Gallo", "not found in the article as written"),
            org.assertj.core.groups.Tuple.tuple(
                "Caracas", "no entity with this id in the knowledge base (add it by hand)"));
    assertThat(plan.changes()).isTrue();
    assertThat(plan.text())
        .contains(
            "alias \"Presidente Obrero\" added to Q57413 (Nicolás Maduro), from 2 corrections")
        .contains("\"gobierno\" not added to Q57413: too generic");
  }

  @Test
  void shouldDemoteAnAliasOnlyWhenItAloneMisledTheLinkerInTwoArticles() throws Exception {
    String wrongCabello = "El escritor Cabello presentó su novela en Madrid.";
    String fullName = "Diosdado Cabello habló; Cabello insistió.";
    AliasLearner.Plan twice =
        AliasLearner.plan(
            kb(),
            List.of(),
            List.of(
                new RemovedLink("a1", "vigia:person/diosdado-cabello", wrongCabello),
                new RemovedLink(
                    "a2", "vigia:person/diosdado-cabello", "Cabello, el pintor, expuso."),
                new RemovedLink("a3", "vigia:person/diosdado-cabello", fullName)));
    assertThat(twice.demoted())
        .containsExactly(
            new AliasLearner.Demoted(
                "vigia:person/diosdado-cabello", "Diosdado Cabello", "Cabello", 2));
    assertThat(twice.text())
        .contains("removed from 3 articles: alias \"Cabello\" moved to its weak names");

    AliasLearner.Plan once =
        AliasLearner.plan(
            kb(),
            List.of(),
            List.of(
                new RemovedLink("a1", "vigia:person/diosdado-cabello", wrongCabello),
                new RemovedLink("a3", "vigia:person/diosdado-cabello", fullName)));
    assertThat(once.demoted()).as("one article is no pattern").isEmpty();
    assertThat(once.removed())
        .singleElement()
        .extracting(r -> r.outcome())
        .asString()
        .startsWith("kept");
    assertThat(once.changes()).isFalse();
  }
}
