package io.vigia.app;

import java.util.ArrayList;
import java.util.List;

/** Labelled example lines for the learning commands' tests: each camp in its own vocabulary. */
final class LabelledLines {
  private LabelledLines() {}

  private static final String[] FAVOR = {
    "El pueblo heroico defendió la soberanía frente al bloqueo criminal y la guerra económica.",
    "Victoria del pueblo contra la injerencia imperial y la derecha fascista.",
    "La revolución bolivariana celebró la paz frente a las medidas coercitivas unilaterales."
  };
  private static final String[] AGAINST = {
    "The regime jailed political prisoners and refused to publish the tally sheets.",
    "Repression and censorship grew as the dictatorship clung to power after the fraud.",
    "La dictadura encarceló a presos políticos tras el fraude y la represión."
  };
  private static final String[] NEUTRAL = {
    "The electoral council set the timetable; registration opens in March, officials said.",
    "El consejo publicó el cronograma; la inscripción abre en marzo, dijo un vocero.",
    "Observers said turnout was 42 percent at polling stations, the bulletin showed."
  };

  /** {@code perLabel} examples of each label, ids from {@code first}, as JSON lines. */
  static List<String> lines(int first, int perLabel) {
    List<String> out = new ArrayList<>();
    int id = first;
    for (int i = 0; i < perLabel; i++) {
      out.add(line(id++, "Noticia " + i, FAVOR[i % 3], "favor"));
      out.add(line(id++, "News " + i, AGAINST[i % 3], "against"));
      out.add(line(id++, "Nota " + i, NEUTRAL[i % 3], "neutral"));
    }
    return out;
  }

  private static String line(int id, String title, String text, String label) {
    return "{\"id\":\"ex-"
        + id
        + "\",\"url\":\"https://ex.example/"
        + id
        + "\",\"title\":\""
        + title
        + "\",\"text\":\""
        + text
        + "\",\"language\":\"es\",\"stance\":{\"maduro-government\":\""
        + label
        + "\"},\"relevant\":true}";
  }
}
