package io.vigia.enrich.figures;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.profile.QuantityName;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The profile's figures ({@code figures.yaml}): the quantities worth tracking and how articles
 * write them, the elections and contexts figures are about, collective actors, and who speaks for
 * an institution; and whether conflicts are also sought across stories ({@code conflicts:}). Loaded
 * once and validated with errors that name the bad entry; every word list is folded (lower case, no
 * accents) here, so matching never folds again.
 */
public record FigureVocabulary(
    List<Quantity> quantities,
    List<Election> elections,
    List<Context> contexts,
    List<Group> groups,
    List<Speaker> speakers,
    List<CoalitionRefs> coalitionRefs,
    boolean conflictsAcrossStories) {

  /** The only key of {@code conflicts:}; its values are true and false. */
  static final String ACROSS_STORIES = "across-stories";

  /** What a quantity's value is: a fraction of 1, a count, or either (tally sheets). */
  public enum Unit {
    FRACTION,
    COUNT,
    BOTH;

    boolean admits(boolean fraction) {
      return this == BOTH || (this == FRACTION) == fraction;
    }
  }

  /** What a quantity is about. */
  public enum SubjectKind {
    ELECTION,
    CONTEXT,
    ACTOR,
    SPEAKER
  }

  /**
   * One way an article writes a quantity.
   *
   * @param election true when this form is always about the election ("personas votaron")
   */
  public record Form(
      List<String> nouns,
      List<String> with,
      List<String> without,
      boolean actor,
      boolean election) {}

  public record Quantity(String name, Unit unit, SubjectKind subject, List<Form> forms) {}

  /**
   * An election of the vocabulary. {@code namedOnly}: a vote a party organises on its own (a
   * consultation) is the figure's election only where the clause names it, never the article's own
   * by default, so an article about it keeps the state's election of the same weeks for its other
   * figures.
   */
  public record Election(
      String id, String name, LocalDate date, List<String> cues, boolean namedOnly) {}

  public record Context(String id, String name, List<String> cues, LocalDate from, LocalDate to) {}

  public record Group(String id, String name, List<String> aliases) {}

  public record Speaker(String id, List<String> people, List<String> refs) {}

  /**
   * Generic names of a coalition ("la coalición opositora", "the coalition"): each means the
   * coalition among {@code members} the article named last before it, else {@code otherwise} (an
   * actor id, or null: no one).
   */
  public record CoalitionRefs(List<String> refs, List<String> members, String otherwise) {}

  public FigureVocabulary {
    quantities = List.copyOf(quantities);
    elections = List.copyOf(elections);
    contexts = List.copyOf(contexts);
    groups = List.copyOf(groups);
    speakers = List.copyOf(speakers);
    coalitionRefs = List.copyOf(coalitionRefs);
  }

  public static FigureVocabulary empty() {
    return new FigureVocabulary(
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), false);
  }

  public static FigureVocabulary from(JsonNode root, String source) {
    List<Quantity> quantities = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int i = 0;
    for (JsonNode q : root.path("quantities")) {
      String where = source + " quantities[" + i++ + "]";
      String name = text(q, "name", where);
      if (!QuantityName.isWellFormed(name)) {
        throw new IllegalArgumentException(
            where + ": quantity '" + name + "' must be lower-case words joined by '-'");
      }
      if (!names.add(name)) {
        throw new IllegalArgumentException(where + ": quantity '" + name + "' is listed twice");
      }
      List<Form> forms = new ArrayList<>();
      for (JsonNode f : q.path("forms")) {
        Form form =
            new Form(
                folded(f, "nouns"),
                folded(f, "with"),
                folded(f, "without"),
                f.path("actor").asBoolean(false),
                f.path("subject").asText("").equals("election"));
        if (form.nouns().isEmpty() && form.with().isEmpty() && !form.actor()) {
          throw new IllegalArgumentException(
              where + " (" + name + "): a form needs nouns, with or actor: true");
        }
        forms.add(form);
      }
      if (forms.isEmpty()) {
        throw new IllegalArgumentException(where + " (" + name + "): give at least one form");
      }
      quantities.add(
          new Quantity(
              name,
              choice(q, "unit", Unit.class, where),
              choice(q, "subject", SubjectKind.class, where),
              forms));
    }
    List<Election> elections = new ArrayList<>();
    i = 0;
    for (JsonNode e : root.path("elections")) {
      String where = source + " elections[" + i++ + "]";
      elections.add(
          new Election(
              text(e, "id", where),
              text(e, "name", where),
              date(e, "date", where),
              folded(e, "cues"),
              e.path("named-only").asBoolean(false)));
    }
    List<Context> contexts = new ArrayList<>();
    i = 0;
    for (JsonNode c : root.path("contexts")) {
      String where = source + " contexts[" + i++ + "]";
      contexts.add(
          new Context(
              text(c, "id", where),
              text(c, "name", where),
              folded(c, "cues"),
              c.has("from") ? date(c, "from", where) : null,
              c.has("to") ? date(c, "to", where) : null));
    }
    List<Group> groups = new ArrayList<>();
    i = 0;
    for (JsonNode g : root.path("groups")) {
      String where = source + " groups[" + i++ + "]";
      groups.add(new Group(text(g, "id", where), text(g, "name", where), list(g, "aliases")));
    }
    List<Speaker> speakers = new ArrayList<>();
    i = 0;
    for (JsonNode s : root.path("speakers")) {
      String where = source + " speakers[" + i++ + "]";
      speakers.add(new Speaker(text(s, "id", where), list(s, "people"), list(s, "refs")));
    }
    List<CoalitionRefs> coalitionRefs = new ArrayList<>();
    for (JsonNode r : root.path("coalition-refs")) {
      coalitionRefs.add(
          new CoalitionRefs(
              list(r, "refs"),
              list(r, "members"),
              r.hasNonNull("otherwise") ? r.get("otherwise").asText() : null));
    }
    return new FigureVocabulary(
        quantities,
        elections,
        contexts,
        groups,
        speakers,
        coalitionRefs,
        conflictsAcrossStories(root.path("conflicts"), source + " conflicts"));
  }

  /**
   * {@code conflicts: {across-stories: true}}: an article also shows the conflicts among the claims
   * of its elections in every story, not only its own story's (ElectionFigureTable). Off when
   * absent: measured, it found more of the conflicts an analyst listed but also flagged one the
   * train set labels as none (docs/figures.md), so it is the analyst's choice, not the default.
   */
  private static boolean conflictsAcrossStories(JsonNode c, String where) {
    if (c.isMissingNode() || c.isNull()) {
      return false;
    }
    if (!c.isObject()) {
      throw new IllegalArgumentException(
          where + ": write a mapping, e.g. `conflicts: {" + ACROSS_STORIES + ": false}`");
    }
    c.fieldNames()
        .forEachRemaining(
            k -> {
              if (!k.equals(ACROSS_STORIES)) {
                throw new IllegalArgumentException(
                    where + ": unknown key '" + k + "'; the only key is " + ACROSS_STORIES);
              }
            });
    JsonNode v = c.path(ACROSS_STORIES);
    if (v.isMissingNode() || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(
          where + ": " + ACROSS_STORIES + " '" + v.asText() + "' is none of [true, false]");
    }
    return v.booleanValue();
  }

  private static <E extends Enum<E>> E choice(JsonNode n, String field, Class<E> type, String w) {
    String v = text(n, field, w);
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          w + ": " + field + " '" + v + "' is none of " + List.of(type.getEnumConstants()), e);
    }
  }

  private static LocalDate date(JsonNode n, String field, String where) {
    String v = text(n, field, where);
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": " + field + " '" + v + "' is no YYYY-MM-DD", e);
    }
  }

  private static String text(JsonNode e, String field, String where) {
    return io.vigia.common.profile.ProfileFields.text(e, field, where);
  }

  private static List<String> list(JsonNode e, String field) {
    return io.vigia.common.profile.ProfileFields.list(e, field);
  }

  private static List<String> folded(JsonNode e, String field) {
    return list(e, field).stream().map(FoldedText::fold).toList();
  }
}
