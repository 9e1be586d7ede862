package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
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

  /** The words are cut without a regular expression; the votes are those the split gave. */
  @Test
  void shouldDecideAsCuttingTheTextWithARegularExpressionDoes() {
    List<String> pieces =
        List.of(
            "de",
            "la",
            "the",
            "and",
            "não",
            "été",
            "già",
            "für",
            "però",
            "dijo",
            "said",
            "Él",
            "MÁS",
            "Über",
            "İstanbul",
            "ǅemal",
            "\uD835\uDC00x",
            "\uD800",
            "123",
            "3a",
            " ",
            "  ",
            ",",
            ". ",
            "-",
            "\n",
            "\u00a0",
            "l'",
            "’",
            "ß",
            "\u0301",
            "ǈ",
            "σς",
            "Straße");
    Random random = new Random(20);
    int decided = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(i % 10 == 0 ? 2000 : 60);
      List<String> lean = LEANINGS.get(i % LEANINGS.size());
      for (int w = 0; w < n; w++) {
        text.append(
            random.nextBoolean()
                ? lean.get(random.nextInt(lean.size()))
                : pieces.get(random.nextInt(pieces.size())));
        if (random.nextInt(3) > 0) {
          text.append(' ');
        }
      }
      String t = text.toString();
      String guess = LanguageGuess.of(t);
      assertThat(guess).as("text %d", i).isEqualTo(bySplit(t));
      decided += guess == null ? 0 : 1;
    }
    assertThat(decided).as("texts with a language").isGreaterThan(1000);
  }

  private static final List<List<String>> LEANINGS =
      List.of(
          List.of("según", "dijo", "también", "Más", "porque"),
          List.of("the", "said", "WHICH", "would"),
          List.of("não", "disse", "após", "têm"),
          List.of("selon", "été", "où"),
          List.of("già", "più", "della"),
          List.of("für", "über", "werden", "nicht"),
          List.of("però", "perquè", "també"));

  /** The guess with its words cut as it was written first, with split. */
  private static String bySplit(String text) {
    if (text == null || text.length() < 40) {
      return null;
    }
    Map<String, Integer> votes = new HashMap<>();
    int words = 0;
    for (String w :
        text.substring(0, Math.min(text.length(), 5000))
            .toLowerCase(Locale.ROOT)
            .split("[^\\p{L}]+")) {
      if (w.isEmpty()) {
        continue;
      }
      words++;
      String lang = LanguageGuess.TELLING.get(w);
      if (lang != null) {
        votes.merge(lang, 1, Integer::sum);
      }
    }
    return LanguageGuess.decide(votes, words); // the same decision: only the cutting is compared
  }
}
