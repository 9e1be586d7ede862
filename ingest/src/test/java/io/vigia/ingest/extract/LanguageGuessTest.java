package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuessTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es|El Consejo Nacional Electoral anunció el martes que las elecciones se harán en julio, según dijo su presidente, aunque la oposición pidió más tiempo para las primarias.",
        "en|The electoral council said on Tuesday that the vote would be held in July, and the opposition has asked for more time to organise its primary.",
        "pt|O Conselho Nacional Eleitoral anunciou na terça-feira que as eleições serão em julho, segundo disse o seu presidente, mas a oposição não aceitou o calendário e pediu mais tempo.",
        "fr|Le Conseil national électoral a annoncé mardi que les élections auront lieu en juillet, selon son président, mais l'opposition a demandé plus de temps pour ses primaires.",
        "it|Il Consiglio nazionale elettorale ha annunciato martedì che le elezioni si terranno a luglio, secondo il suo presidente, ma l'opposizione non ha accettato il calendario.",
        "de|Der Nationale Wahlrat hat am Dienstag angekündigt, dass die Wahlen im Juli stattfinden werden, aber die Opposition hat mehr Zeit für ihre Vorwahlen gefordert.",
        "ca|El Consell Nacional Electoral va anunciar dimarts que les eleccions seran al juliol, segons el seu president, però l'oposició va demanar més temps per a les primàries."
      })
  void shouldNameTheLanguageOfAParagraph(String lang, String text) {
    assertThat(LanguageGuess.of(text)).isEqualTo(lang);
  }

  @Test
  void shouldNotTakePortugueseForSpanish() {
    assertThat(
            LanguageGuess.of(
                "O governo da Venezuela não reconheceu o resultado das eleições e a oposição disse que os dados "
                    + "das atas mostram outra vitória, segundo os observadores que estão em Caracas."))
        .isEqualTo("pt");
  }

  @Test
  void shouldLeaveTooLittleTextUnknown() {
    assertThat(LanguageGuess.of("Caracas, 29 de julio")).isNull();
    assertThat(
            LanguageGuess.of(
                "Nicolás Maduro María Corina Machado Edmundo González Urrutia CNE TSJ"))
        .isNull();
  }
}
