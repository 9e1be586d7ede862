package io.vigia.sink.figures;

import io.vigia.common.profile.QuantityName;
import io.vigia.schemas.FigureSubjects;
import io.vigia.sink.index.FigureFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/figures?quantity=&subject=&election=&conflicting=&since=&size=}, every parameter
 * optional; a value it cannot use is an {@link IllegalArgumentException} that says what would do.
 *
 * @param election an election id ({@code event:2021-regional-elections}): only figures about it
 * @param conflicting true: only values in conflict; false: only values in none; null: both
 * @param size the most figures (values) listed
 */
public record FigureQuery(
    String quantity,
    String subject,
    String election,
    Boolean conflicting,
    Instant since,
    int size) {
  public static final int DEFAULT_SIZE = 100;
  public static final int MAX_SIZE = 1000;

  static final Set<String> PARAMETERS =
      Set.of("quantity", "subject", "election", "conflicting", "since", "size");

  public FigureQuery {
    if (quantity != null && !QuantityName.isWellFormed(quantity)) {
      throw new IllegalArgumentException("'quantity' must be " + QuantityName.EXPECTED);
    }
    if (subject != null && subject.length() > 300) {
      throw new IllegalArgumentException(
          "'subject' is too long: give an entity id (vigia:org/psuv, Q57413) or an election's"
              + " name (2024 presidential election)");
    }
    if (election != null
        && (election.length() > 300 || election.chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException(
          "'election' must be an election id, as figures name it (event:2021-regional-elections)");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("'size' must be a whole number from 1 to " + MAX_SIZE);
    }
  }

  /** Reads the query parameters; an unknown one is an error, so a misspelt filter is not lost. */
  public static FigureQuery parse(Map<String, List<String>> params) {
    for (String name : params.keySet()) {
      if (!PARAMETERS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown parameter '"
                + name
                + "': /api/figures takes quantity, subject, election, conflicting, since and"
                + " size");
      }
    }
    return new FigureQuery(
        single(params, "quantity"),
        single(params, "subject"),
        single(params, "election"),
        bool(single(params, "conflicting")),
        since(single(params, "since")),
        size(single(params, "size")));
  }

  /** The articles among which to look for stories. */
  public FigureFilter filter() {
    return new FigureFilter(quantity, subject, election, since);
  }

  /** Whether a value of a group is one this query lists. */
  boolean selects(FigureTable.Group g, FigureTable.Value v) {
    return (quantity == null || quantity.equals(g.quantity()))
        && (subject == null || FigureSubjects.same(subject, g.subject()))
        && (election == null || election.equals(g.election()))
        && (conflicting == null || conflicting == v.conflicting());
  }

  /** Whether a statement is recent enough. */
  boolean selects(FigureTable.Source s) {
    return since == null || (s.publishedAt() != null && !s.publishedAt().isBefore(since));
  }

  private static String single(Map<String, List<String>> params, String name) {
    List<String> values =
        params.getOrDefault(name, List.of()).stream()
            .filter(v -> v != null && !v.isBlank())
            .toList();
    if (values.size() > 1) {
      throw new IllegalArgumentException(
          "'" + name + "' takes one value, not " + values.size() + ": list one at a time");
    }
    return values.isEmpty() ? null : values.get(0).trim();
  }

  private static Boolean bool(String v) {
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "'conflicting' must be true (only values sources disagree on) or false (only the"
                  + " others); leave it out for both");
    };
  }

  private static Instant since(String v) {
    if (v == null) {
      return null;
    }
    try {
      return v.length() == 10
          ? LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC)
          : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'since' must be a date (2024-07-28) or an instant (2024-07-28T12:00:00Z)");
    }
  }

  private static int size(String v) {
    if (v == null) {
      return DEFAULT_SIZE;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'size' must be a whole number from 1 to " + MAX_SIZE);
    }
  }
}
