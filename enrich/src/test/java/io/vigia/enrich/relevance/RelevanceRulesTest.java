package io.vigia.enrich.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Reading the place group's country names from a profile's relevance rules. */
class RelevanceRulesTest {
  private static JsonNode json(String s) throws Exception {
    return new ObjectMapper().readTree(s.replace('\'', '"'));
  }

  @Test
  void shouldReadTheCountryNamesAmongThePlaceTerms() throws Exception {
    RelevanceRules rules =
        RelevanceRules.from(
            json(
                "{'groups': {'venezuela': {'terms': {'venezuela': 3, 'psuv': 3},"
                    + " 'names': ['venezuela']}, 'politics': {'terms': {'vot*': 1}}}}"),
            "test");
    assertThat(rules.countryNames()).containsExactly("venezuela");
  }

  @Test
  void shouldTakeEveryPlaceTermForANameWhenNoneAreListed() throws Exception {
    RelevanceRules rules =
        RelevanceRules.from(
            json(
                "{'groups': {'venezuela': {'terms': {'venezuela': 3, 'psuv': 3}},"
                    + " 'politics': {'terms': {'vot*': 1}}}}"),
            "test");
    assertThat(rules.countryNames()).containsExactlyInAnyOrder("venezuela", "psuv");
  }

  @Test
  void shouldRefuseANameThatIsNotAPlaceTerm() throws Exception {
    JsonNode root =
        json(
            "{'groups': {'venezuela': {'terms': {'venezuela': 3}, 'names': ['caracas']},"
                + " 'politics': {'terms': {'vot*': 1}}}}");
    assertThatThrownBy(() -> RelevanceRules.from(root, "p/relevance.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caracas");
  }
}
