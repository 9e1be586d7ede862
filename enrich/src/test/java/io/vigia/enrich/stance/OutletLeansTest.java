package io.vigia.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigia.schemas.StanceLabel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutletLeansTest {
  private static final String TARGET = "maduro-government";
  private static final double[] CLOSE_CALL = {0.30, 0.30, 0.40}; // favor, against, neutral

  private static OutletLeans.Entry entry(String id, String outlet, StanceLabel label) {
    return new OutletLeans.Entry(id, outlet, Map.of(TARGET, label));
  }

  private static final OutletLeans STATE_PRESS =
      new OutletLeans(
          Map.of(TARGET, 1.0),
          List.of(
              entry("a1", "diario-oficialista.example", StanceLabel.FAVOR),
              entry("a2", "diario-oficialista.example", StanceLabel.FAVOR),
              entry("a3", "diario-oficialista.example", StanceLabel.FAVOR)));

  @Test
  void shouldNameTheOutletByItsHostWithoutTheMobileOrAmpPrefix() {
    assertThat(OutletLeans.outletOf("https://www.Diario-Oficialista.example/2024/07/nota"))
        .isEqualTo("diario-oficialista.example");
    assertThat(OutletLeans.outletOf("https://m.diario-oficialista.example/nota"))
        .isEqualTo("diario-oficialista.example");
    assertThat(OutletLeans.outletOf("https://amp.diario-oficialista.example/nota"))
        .isEqualTo("diario-oficialista.example");
    // A host that is only the prefix and a name keeps it: "m.example" is not "example".
    assertThat(OutletLeans.outletOf("https://m.example/nota")).isEqualTo("m.example");
    assertThat(OutletLeans.outletOf("urn:vigia:example:x1")).isNull();
    assertThat(OutletLeans.outletOf("not a url")).isNull();
    assertThat(OutletLeans.outletOf(null)).isNull();
  }

  @Test
  void shouldMoveACloseCallTowardTheOutletsLeanAndLeaveOtherOutletsAlone() {
    double[] leaned =
        STATE_PRESS.adjust(TARGET, "https://diario-oficialista.example/otra-nota", CLOSE_CALL);
    assertThat(StanceTraining.argmax(leaned)).isEqualTo(0); // favor
    assertThat(leaned[0] + leaned[1] + leaned[2])
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(STATE_PRESS.adjust(TARGET, "https://otro-diario.example/nota", CLOSE_CALL))
        .isSameAs(CLOSE_CALL);
    assertThat(
            STATE_PRESS.adjust(
                "another-target", "https://diario-oficialista.example/n", CLOSE_CALL))
        .isSameAs(CLOSE_CALL);
  }

  @Test
  void shouldNotOverruleAConfidentModelWithOneLabelledArticle() {
    OutletLeans one =
        new OutletLeans(
            Map.of(TARGET, 1.0), List.of(entry("a1", "diario.example", StanceLabel.FAVOR)));
    double[] confident = {0.05, 0.85, 0.10};
    assertThat(StanceTraining.argmax(one.adjust(TARGET, "https://diario.example/n", confident)))
        .isEqualTo(1);
  }

  @Test
  void shouldChangeNothingAtStrengthZero() {
    OutletLeans off = new OutletLeans(Map.of(TARGET, 0.0), STATE_PRESS.entries());
    assertThat(off.adjust(TARGET, "https://diario-oficialista.example/n", CLOSE_CALL))
        .isSameAs(CLOSE_CALL);
  }

  @Test
  void shouldCountEachArticleOnceAndLeaveOutTheOnesBeingLearnedAgain() {
    OutletLeans twice =
        new OutletLeans(
            Map.of(),
            List.of(
                entry("a1", "diario.example", StanceLabel.FAVOR),
                entry("a1", "diario.example", StanceLabel.AGAINST),
                entry("a2", "diario.example", StanceLabel.AGAINST)));
    assertThat(twice.counts(TARGET, Set.of()).get("diario.example")).containsExactly(0, 2, 0);
    assertThat(twice.counts(TARGET, Set.of("a2")).get("diario.example")).containsExactly(0, 1, 0);
  }

  @Test
  void shouldReadWhatItWrites() throws Exception {
    OutletLeans back =
        OutletLeans.from(
            new ObjectMapper().readTree(STATE_PRESS.toJson().toString()), "stance-outlets.json");
    assertThat(back.strengths()).isEqualTo(STATE_PRESS.strengths());
    assertThat(back.entries()).isEqualTo(STATE_PRESS.entries());
  }

  @Test
  void shouldNameTheFileAndTheArticleOfABadLabel() {
    String json =
        "{\"strength\":{\"t\":1},\"articles\":[{\"id\":\"a9\",\"outlet\":\"d.example\","
            + "\"stance\":{\"t\":\"pro\"}}]}";
    assertThatThrownBy(
            () -> OutletLeans.from(new ObjectMapper().readTree(json), "v2/stance-outlets.json"))
        .hasMessageContaining("v2/stance-outlets.json")
        .hasMessageContaining("a9")
        .hasMessageContaining("'pro'");
    String negative = "{\"strength\":{\"t\":-1},\"articles\":[]}";
    assertThatThrownBy(() -> OutletLeans.from(new ObjectMapper().readTree(negative), "f"))
        .hasMessageContaining("0 or more");
  }
}
