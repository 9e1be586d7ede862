package io.vigia.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventVocabularyTest {
  private static List<String> concepts(String text) {
    List<String> out = new ArrayList<>();
    EventVocabulary.scan(text, out::add);
    return out;
  }

  @Test
  void shouldMapAnEventsEnglishAndSpanishWordingsToOneConcept() {
    assertThat(concepts("A judge issued a warrant for his arrest.")).containsExactly("%warrant");
    assertThat(concepts("Un juez emitió una orden de aprehensión en su contra."))
        .containsExactly("%warrant");
    assertThat(concepts("The police offered a bounty.")).containsExactly("%bounty");
    assertThat(concepts("La policía ofreció una recompensa.")).containsExactly("%bounty");
    assertThat(concepts("Both sides agreed a prisoner swap.")).containsExactly("%prisoner-swap");
    assertThat(concepts("Ambos acordaron un canje.")).containsExactly("%prisoner-swap");
    assertThat(concepts("The opposition posted the tally sheets online."))
        .containsExactly("%tally-sheets");
    assertThat(concepts("La oposición publicó las actas en internet."))
        .containsExactly("%tally-sheets");
    assertThat(concepts("Deportation flights resumed.")).containsExactly("%deportation");
    assertThat(concepts("Se reanudaron los vuelos de deportación."))
        .containsExactly("%deportation");
  }

  @Test
  void shouldMatchAccentsAndCaseAwayAndPrefixesOnlyAtAWordsStart() {
    assertThat(concepts("INHABILITACIÓN de la candidata")).containsExactly("%disqualification");
    assertThat(concepts("She was disqualified.")).containsExactly("%disqualification");
    // "oil" is a word, not a prefix: "toil" and "oily" are not oil; "crude" is.
    assertThat(concepts("Years of toil, an oily rag.")).isEmpty();
    assertThat(concepts("Crude exports rose.")).containsExactly("%oil");
    // A wording of several words needs all of them, in order.
    assertThat(concepts("He said the order was clear.")).isEmpty();
    // Everyday words that share a stem with an event's wording are not that event.
    assertThat(concepts("Do not forget the forge of democracy.")).isEmpty();
    assertThat(concepts("They forged signatures.")).containsExactly("%charges");
  }

  @Test
  void shouldReportEachConceptOnceAndNothingForATextWithoutEvents() {
    assertThat(concepts("Sanctions, more sanctions, and sanciones again."))
        .containsExactly("%sanctions");
    assertThat(concepts("The weather in Caracas was mild on Sunday.")).isEmpty();
    assertThat(concepts(null)).isEmpty();
  }

  @Test
  void shouldMakeTheConceptsStoryFeaturesTheStateCanTellFromNames() {
    long[] en = Fingerprint.features(null, "Sanctions were eased.", List.of());
    long[] es = Fingerprint.features(null, "Se flexibilizaron las sanciones.", List.of());
    assertThat(en).containsExactly(es);
    assertThat(EventVocabulary.isConcept(en[0])).isTrue();
    long name = Fingerprint.features(null, "the CNE", List.of())[0];
    assertThat(EventVocabulary.isConcept(name)).isFalse();
  }
}
