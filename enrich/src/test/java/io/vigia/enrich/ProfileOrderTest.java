package io.vigia.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.enrich.relevance.RelevanceRules;
import io.vigia.enrich.stance.StanceCues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The profile's vocabularies keep the order they were written in. Where two phrases match the same
 * words (a hyphenated and a spaced spelling of one cue), that order decides which one the evidence
 * and the reasons name, so it must be the same on every run: an order that changed from one JVM to
 * the next (as {@code Map.copyOf}'s does) made `vigia enrich` print different evidence for the same
 * input.
 */
class ProfileOrderTest {
  private static Map<String, Double> manyWords() {
    Map<String, Double> words = new LinkedHashMap<>();
    for (int i = 0; i < 60; i++) {
      words.put("palabra" + i, 1.0 + i);
    }
    return words;
  }

  @Test
  void stanceFamiliesKeepTheOrderTheirCuesWereWrittenIn() {
    Map<String, Double> written = manyWords();
    StanceCues.Family family =
        new StanceCues.Family("framing", StanceCues.Side.FAVOR, new LinkedHashMap<>(written));

    assertThat(new ArrayList<>(family.cues().keySet()))
        .containsExactlyElementsOf(List.copyOf(written.keySet()));
  }

  @Test
  void relevanceGroupsKeepTheOrderTheirTermsWereWrittenIn() {
    Map<String, Double> written = manyWords();
    RelevanceRules.Group group = new RelevanceRules.Group(written, written);

    assertThat(new ArrayList<>(group.terms().keySet()))
        .containsExactlyElementsOf(List.copyOf(written.keySet()));
    assertThat(new ArrayList<>(group.entities().keySet()))
        .containsExactlyElementsOf(List.copyOf(written.keySet()));
  }
}
