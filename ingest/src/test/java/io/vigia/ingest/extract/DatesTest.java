package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DatesTest {
  @Test
  void shouldTellAStatedOffsetFromATimeWithoutOne() {
    assertThat(Dates.statesOffset("2024-07-28T22:10:00-04:00")).isTrue();
    assertThat(Dates.statesOffset("2024-07-29T02:10:00.000Z")).isTrue();
    assertThat(Dates.statesOffset("2024-07-28 22:10:00 -0400")).isTrue();
    assertThat(Dates.statesOffset("Mon, 29 Jul 2024 02:10:00 GMT")).isTrue();
    assertThat(Dates.statesOffset("2024-07-28T22:10:00")).isFalse();
    assertThat(Dates.statesOffset("2024-07-28")).isFalse();
    assertThat(Dates.statesOffset("1722219000")).isFalse();
  }

  @Test
  void shouldReadTheLocalTimeWrittenAfterADate() {
    assertThat(Dates.parseVisibleLocal("28 de julio de 2024 - 10:10 p. m."))
        .isEqualTo(LocalDateTime.parse("2024-07-28T22:10"));
    assertThat(Dates.parseVisibleLocal("28/07/2024 22:10"))
        .isEqualTo(LocalDateTime.parse("2024-07-28T22:10"));
    assertThat(Dates.parseVisibleLocal("28 jul. 2024, 12:05 a. m."))
        .isEqualTo(LocalDateTime.parse("2024-07-28T00:05"));
    assertThat(Dates.parseVisibleLocal("28 de julio de 2024")).isNull();
  }

  @Test
  void shouldFindTheOffsetAPageShowsAUtcTimeIn() {
    OffsetDateTime utc = OffsetDateTime.parse("2024-07-29T02:10:00Z");
    assertThat(Dates.offsetShowing(utc, LocalDateTime.parse("2024-07-28T22:10")))
        .isEqualTo(ZoneOffset.ofHours(-4));
    assertThat(Dates.offsetShowing(utc, LocalDateTime.parse("2024-07-28T23:10")))
        .isEqualTo(ZoneOffset.ofHours(-3));
    assertThat(Dates.offsetShowing(utc, LocalDateTime.parse("2024-07-28T22:17")))
        .as("not a whole quarter hour: another time, not this one")
        .isNull();
    assertThat(Dates.offsetShowing(utc, LocalDateTime.parse("2024-07-27T22:10"))).isNull();
  }
}
