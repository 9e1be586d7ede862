package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BylineLinesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "By Ana Rivas",
        "By ANA RIVAS and LUIS PÉREZ",
        "Posted: Fri 6:45 PM, Feb 16, 2018 | Updated: Sat 8:31 PM, Feb 17, 2018",
        "Ana Rivas - Nov 19, 2019, 10:31 pm CST",
        "Ana Rivas, AP Political Writer",
        "Redacción | 29 de julio de 2024",
        "segunda-feira, 22 de outubro de 2010 às 20:13",
        "Updated at 1:23 p.m.",
        "2018-08-16",
        "By Ana Rivas · July 29, 2024 2:30 a.m."
      })
  void shouldTakeForABylineOrADateLine(String line) {
    assertThat(BylineLines.isBylineOrDate(line, List.of("Ana Rivas"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Revenue from the new tariffs totalled about $63 billion through June 30, 2019.",
        "— Ana Rivas (@anarivas) November 18, 2019",
        "The minister was sacked in December 2018.",
        "4:14 p.m.",
        "Ana Rivas said the count was final.",
        "Ana Rivas Performance Shoes",
        "By the end of the day, the queues had gone.",
        "Festival of Lights 29 November 2018 | 20 January 2019 at 12 venues"
      })
  void shouldLeaveLinesOfTheStory(String line) {
    assertThat(BylineLines.isBylineOrDate(line, List.of("Ana Rivas"))).isFalse();
  }
}
