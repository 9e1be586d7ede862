package io.vigia.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.schemas.StanceLabel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StanceLabelsTest {
  @Test
  void shouldReadLabelsAsPeopleWriteThemAndWriteThemInLowerCase() {
    assertThat(StanceLabels.parse(" Against ")).isEqualTo(StanceLabel.AGAINST);
    assertThat(StanceLabels.text(StanceLabel.FAVOR)).isEqualTo("favor");
    assertThatThrownBy(() -> StanceLabels.parse("pro"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stance label must be favor, against or neutral, was 'pro'");
  }

  @Test
  void shouldReadBackTheLabelsByTargetItWrites() {
    Map<String, StanceLabel> labels = new LinkedHashMap<>();
    labels.put("maduro-government", StanceLabel.AGAINST);
    labels.put("opposition", StanceLabel.NEUTRAL);
    ObjectNode parent = new ObjectMapper().createObjectNode();
    StanceLabels.put(parent, "stance", labels);
    assertThat(parent.toString())
        .isEqualTo("{\"stance\":{\"maduro-government\":\"against\",\"opposition\":\"neutral\"}}");
    assertThat(StanceLabels.byTarget(parent.get("stance"))).containsExactlyEntriesOf(labels);
  }
}
