package io.vigia.sink.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FigureQueryTest {

  private static FigureQuery parse(String... kv) {
    Map<String, List<String>> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.computeIfAbsent(kv[i], k -> new java.util.ArrayList<>()).add(kv[i + 1]);
    }
    return FigureQuery.parse(m);
  }

  @Test
  void shouldTakeEveryParameterAsOptional() {
    FigureQuery q = parse();
    assertThat(q.quantity()).isNull();
    assertThat(q.subject()).isNull();
    assertThat(q.election()).isNull();
    assertThat(q.conflicting()).isNull();
    assertThat(q.since()).isNull();
    assertThat(q.size()).isEqualTo(FigureQuery.DEFAULT_SIZE);
  }

  @Test
  void shouldReadQuantitySubjectConflictingSinceAndSize() {
    FigureQuery q =
        parse(
            "quantity", "vote-share",
            "subject", "vigia:org/psuv",
            "election", "event:2021-regional-elections",
            "conflicting", "true",
            "since", "2024-07-28",
            "size", "5");
    assertThat(q.quantity()).isEqualTo("vote-share");
    assertThat(q.subject()).isEqualTo("vigia:org/psuv");
    assertThat(q.election()).isEqualTo("event:2021-regional-elections");
    assertThat(q.filter().election()).isEqualTo("event:2021-regional-elections");
    assertThat(q.conflicting()).isTrue();
    assertThat(q.since()).isEqualTo(Instant.parse("2024-07-28T00:00:00Z"));
    assertThat(q.size()).isEqualTo(5);
    assertThat(parse("since", "2024-07-28T12:00:00Z", "conflicting", "false").conflicting())
        .isFalse();
  }

  @Test
  void shouldRefuseWhatItCannotUseWithWhatWouldDo() {
    assertThatThrownBy(() -> parse("conflicting", "yes"))
        .hasMessageContaining("'conflicting' must be true");
    assertThatThrownBy(() -> parse("since", "28/07/2024"))
        .hasMessageContaining("a date (2024-07-28)");
    assertThatThrownBy(() -> parse("quantity", "Turnout"))
        .hasMessageContaining("such as 'turnout'");
    assertThatThrownBy(() -> parse("size", "0")).hasMessageContaining("from 1 to 1000");
    assertThatThrownBy(() -> parse("size", "many")).hasMessageContaining("from 1 to 1000");
    assertThatThrownBy(() -> parse("quantity", "turnout", "quantity", "votes"))
        .hasMessageContaining("takes one value");
    assertThatThrownBy(() -> parse("qty", "turnout"))
        .hasMessageContaining("unknown parameter 'qty'")
        .hasMessageContaining("quantity, subject, election, conflicting, since and size");
    assertThatThrownBy(() -> parse("election", "2021 regional elections"))
        .hasMessageContaining("an election id")
        .hasMessageContaining("event:2021-regional-elections");
  }
}
