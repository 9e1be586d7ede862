package io.vigia.enrich.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.schemas.ConflictingValue;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Figure;
import io.vigia.schemas.FigureClaim;
import io.vigia.schemas.FigureConflict;
import io.vigia.schemas.testing.SampleArticles;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureJsonTest {
  private static final String Y2025 = "event:2025-regional-and-parliamentary-elections";

  private static Figure figure(String quantity, String subject, double value, String election) {
    return Figure.newBuilder()
        .setQuantity(quantity)
        .setSubject(subject)
        .setValue(value)
        .setElection(election)
        .setText("x")
        .setStart(0)
        .setEnd(1)
        .build();
  }

  @Test
  void shouldPrintEachFiguresAndEachConflictsElectionNullWhenNone() {
    EnrichedArticle e =
        SampleArticles.enriched(
            SampleArticles.raw("https://example.org/a", "Resultados", "Texto").build());
    e.setFigures(
        List.of(
            figure("governorships-won", "vigia:org/psuv", 23, Y2025),
            figure("detained", "event:2024-post-election-protests", 1200, null)));
    e.setFigureConflicts(
        List.of(
            FigureConflict.newBuilder()
                .setQuantity("governorships-won")
                .setSubject("vigia:org/psuv")
                .setElection(Y2025)
                .setValues(
                    List.of(
                        ConflictingValue.newBuilder()
                            .setValue(23)
                            .setClaims(
                                List.of(
                                    FigureClaim.newBuilder()
                                        .setArticleId("a")
                                        .setSource("outlet")
                                        .build()))
                            .build()))
                .build()));
    ObjectNode o = new ObjectMapper().createObjectNode();

    FigureJson.write(e, o);

    assertThat(o.path("figures").get(0).path("election").asText()).isEqualTo(Y2025);
    assertThat(o.path("figures").get(1).has("election")).isTrue();
    assertThat(o.path("figures").get(1).path("election").isNull()).isTrue();
    assertThat(o.path("figureConflicts").get(0).path("election").asText()).isEqualTo(Y2025);
  }
}
