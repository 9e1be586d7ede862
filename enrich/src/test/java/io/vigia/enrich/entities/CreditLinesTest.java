package io.vigia.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.enrich.text.RandomTexts;
import io.vigia.enrich.text.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CreditLinesTest {

  @Test
  void shouldMaskACreditLineAndTheWireDateline() {
    Tokens t =
        Tokens.of(
            "CARACAS, 28 jul (EFE).- El CNE anunció los resultados.\n"
                + "Foto: Reuters / Juan Pérez\n"
                + "La oposición pidió las actas. (AP)");
    boolean[] m = CreditLines.mask(t);
    assertThat(maskedWords(t, m)).contains("CARACAS", "EFE", "Foto", "Reuters", "Juan", "AP");
    assertThat(maskedWords(t, m)).doesNotContain("CNE", "oposición", "actas");
  }

  /**
   * The cue scan looks only where a line or a sentence opens; it must cover exactly what looking up
   * every cue's every occurrence in a lower-cased copy covered (the earlier way, kept below).
   */
  @Test
  void shouldMaskWhatLookingUpEveryOccurrenceMasked() {
    String[] pieces = {
      "Foto: ",
      "FOTO: ",
      "fotos:",
      "Con información de EFE",
      "con INFORMACIÓN de",
      "Reporting by ",
      "Editing by",
      "© 2024 ",
      "Copyright ",
      "Source: ",
      "Imagen: Archivo",
      "(",
      "((",
      " ",
      "  ",
      "\t",
      "\n",
      ". ",
      "! ",
      "? ",
      "» ",
      "” ",
      "\" ",
      ".",
      "El CNE dijo ",
      "Maduro ",
      "la fuente: ",
      "información de",
      "text",
      "(EFE)",
      "(Reuters) ",
      "İstanbul ",
      "Photo:",
      "Vídeo: ",
      "afoto: ",
      "1Photo: ",
      "é© ",
      "x©",
      "—Foto: ",
      "\u212Aelvin ",
      "Ñfuente: "
    };
    Random random = new Random(7);
    for (int n = 0; n < 5000; n++) {
      String text = RandomTexts.of(random, pieces, 1 + random.nextInt(14));
      Tokens t = Tokens.of(text);
      boolean[] now = new boolean[t.size()];
      CreditLines.coverCues(t, now);
      assertThat(now).as("%s", text).isEqualTo(earlierCues(t));
    }
  }

  /**
   * The scan looks for lettered cues only where a word starts: it may, because every character
   * whose lower case begins a cue is a letter (and so starts a word after a space or a line break),
   * except "©", looked for on its own.
   */
  @Test
  void shouldFindEveryCueOpeningAtAWordStartOrACopyrightSign() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      char lower = Character.toLowerCase(c);
      boolean opensACue = CreditLines.CREDIT_CUES.stream().anyMatch(cue -> cue.charAt(0) == lower);
      if (opensACue) {
        assertThat(Character.isLetterOrDigit(c) || c == '©').as("U+%04X", (int) c).isTrue();
      }
    }
  }

  private static List<String> maskedWords(Tokens t, boolean[] m) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (m[i]) {
        out.add(t.text().substring(t.start(i), t.end(i)));
      }
    }
    return out;
  }

  /** The cue part as it was: every occurrence in a lower-cased copy, kept if it opens a line. */
  private static boolean[] earlierCues(Tokens t) {
    String text = t.text();
    boolean[] cues = new boolean[t.size()];
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.length() == text.length()) {
      for (String cue : CreditLines.CREDIT_CUES) {
        for (int at = lower.indexOf(cue); at >= 0; at = lower.indexOf(cue, at + cue.length())) {
          if (CreditLines.opensLineOrSentence(text, at)) {
            int end = text.indexOf('\n', at);
            end = end < 0 ? text.length() : end;
            for (int i = 0; i < t.size(); i++) {
              if (t.start(i) >= at && t.start(i) < end) {
                cues[i] = true;
              }
            }
          }
        }
      }
    }
    return cues;
  }
}
