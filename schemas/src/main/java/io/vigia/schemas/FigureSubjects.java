package io.vigia.schemas;

import java.util.regex.Pattern;

/**
 * How a {@link Figure}'s {@code subject} names what the figure is about: the contract between
 * enrich, which writes it, and the sink's figure filters, which read it. A knowledge-base id; where
 * that id names nobody (a Wikidata QID such as {@code Q57413}), the id, a slash and the name as a
 * slug ({@code Q57413/nicolas-maduro}), so that a subject read alone (a table of figures, an alert,
 * a scorer that reads only {@code subject}) says who it is; else a name (an election, a context).
 * Asking for the id finds the subject that names it.
 */
public final class FigureSubjects {
  /** What stands between an opaque id and the name that follows it. */
  public static final String NAME_AFTER = "/";

  private static final Pattern OPAQUE_ID = Pattern.compile("Q\\d+");

  private FigureSubjects() {}

  /** The subject of an entity: its id, followed by {@code nameSlug} where the id names nobody. */
  public static String of(String id, String nameSlug) {
    return opaque(id) ? id + NAME_AFTER + nameSlug : id;
  }

  /** Whether an id names nobody, so that its subject carries the name after it. */
  public static boolean opaque(String id) {
    return OPAQUE_ID.matcher(id).matches();
  }

  /** Whether a stored subject is the one asked for: the same, or one that names the asked id. */
  public static boolean same(String asked, String stored) {
    return asked.equals(stored) || opaque(asked) && stored.startsWith(asked + NAME_AFTER);
  }
}
