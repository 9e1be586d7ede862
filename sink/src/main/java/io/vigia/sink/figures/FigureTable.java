package io.vigia.sink.figures;

import io.vigia.search.ArticleDocument;
import io.vigia.search.ArticleDocument.ClaimRef;
import io.vigia.search.ArticleDocument.ConflictRef;
import io.vigia.search.ArticleDocument.ConflictValueRef;
import io.vigia.search.ArticleDocument.FigureRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A story's figures as the index holds them now: grouped by quantity, subject and election (a
 * party's governorships of 2021 and of 2025 are two groups), each value with the articles and
 * outlets that state it and on whose word, and the story's conflicts marked.
 *
 * <p>Built from the story's current articles (those an analyst detached are in another story, so
 * their figures are not here). Conflicts are enrich's ({@code figureConflicts}, as each article was
 * judged), restricted to the claims of the current articles: a conflict whose other side left the
 * story is no conflict any more. An article an analyst joins to the story brings its figures but no
 * conflict enrich did not see.
 */
public record FigureTable(List<Group> groups, List<ConflictRef> conflicts) {
  public FigureTable {
    groups = List.copyOf(groups);
    conflicts = List.copyOf(conflicts);
  }

  /**
   * One quantity about one subject in one election (an election id; null: none known) and the
   * values the story's articles give it.
   */
  public record Group(
      String quantity,
      String subject,
      String subjectName,
      String election,
      boolean conflicting,
      List<Value> values) {
    public Group {
      values = List.copyOf(values);
    }
  }

  /**
   * One value (values written to within each other's precision are one: 42.26 % and 42,3 %), as its
   * first statement wrote it.
   */
  public record Value(
      double value,
      Double total,
      Double max,
      boolean approximate,
      boolean conflicting,
      List<Source> sources) {
    public Value {
      sources = List.copyOf(sources);
    }
  }

  /** One article's statement of a value. */
  public record Source(
      String article, String source, String attributedTo, String text, Instant publishedAt) {}

  /** The table of a story's articles, oldest first. */
  public static FigureTable of(List<ArticleDocument> articles) {
    List<ArticleDocument> ordered = new ArrayList<>(articles);
    ordered.sort(
        Comparator.comparing(
                ArticleDocument::effectiveTime, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ArticleDocument::id));
    Set<String> members = new HashSet<>();
    for (ArticleDocument d : ordered) {
      members.add(d.id());
      members.add(d.articleId());
    }
    List<ConflictRef> conflicts = conflictsAmong(ordered, members);
    Map<String, List<Draft>> byKey = new LinkedHashMap<>();
    Map<String, FigureRef> firsts = new LinkedHashMap<>();
    for (ArticleDocument d : ordered) {
      for (FigureRef f : d.figures()) {
        String key = key(f.quantity(), f.subject(), f.election());
        firsts.putIfAbsent(key, f);
        List<Draft> values = byKey.computeIfAbsent(key, k -> new ArrayList<>());
        Draft same = values.stream().filter(v -> v.sameAs(f)).findFirst().orElse(null);
        if (same == null) {
          same = new Draft(f);
          values.add(same);
        }
        same.add(f, d);
      }
    }
    List<Group> groups = new ArrayList<>();
    byKey.forEach(
        (key, drafts) -> {
          FigureRef first = firsts.get(key);
          ConflictRef conflict =
              conflicts.stream()
                  .filter(c -> key(c.quantity(), c.subject(), c.election()).equals(key))
                  .findFirst()
                  .orElse(null);
          List<Value> values = new ArrayList<>();
          for (Draft v : drafts) {
            values.add(v.build(conflict != null && v.isIn(conflict)));
          }
          values.sort(Comparator.comparingDouble(Value::value));
          boolean conflicting = values.stream().filter(Value::conflicting).count() >= 2;
          if (!conflicting) {
            values = values.stream().map(FigureTable::unmarked).toList();
          }
          groups.add(
              new Group(
                  first.quantity(),
                  first.subject(),
                  first.subjectName(),
                  first.election(),
                  conflicting,
                  values));
        });
    groups.sort(
        Comparator.comparing(Group::quantity)
            .thenComparing(Group::subject)
            .thenComparing(Group::election, Comparator.nullsFirst(Comparator.naturalOrder())));
    return new FigureTable(groups, conflicts);
  }

  /**
   * Enrich's conflicts as the story's articles recorded them, one per quantity, subject and
   * election (the newest record of the story's table knows every claim the older ones knew), with
   * only the claims of current articles, and only those still between two values.
   */
  static List<ConflictRef> conflictsAmong(List<ArticleDocument> ordered, Set<String> members) {
    Map<String, Map<Double, ConflictValueRef>> byKey = new LinkedHashMap<>();
    Map<String, ConflictRef> first = new LinkedHashMap<>();
    for (ArticleDocument d : ordered) {
      for (ConflictRef c : d.figureConflicts()) {
        String key = key(c.quantity(), c.subject(), c.election());
        first.putIfAbsent(key, c);
        Map<Double, ConflictValueRef> values =
            byKey.computeIfAbsent(key, k -> new LinkedHashMap<>());
        for (ConflictValueRef v : c.values()) {
          List<ClaimRef> kept =
              v.claims().stream().filter(k -> members.contains(k.articleId())).toList();
          ConflictValueRef known = values.get(v.value());
          List<ClaimRef> claims = new ArrayList<>(known == null ? List.of() : known.claims());
          kept.stream().filter(k -> !claims.contains(k)).forEach(claims::add);
          values.put(v.value(), new ConflictValueRef(v.value(), v.max(), claims));
        }
      }
    }
    List<ConflictRef> out = new ArrayList<>();
    byKey.forEach(
        (key, values) -> {
          List<ConflictValueRef> stated =
              values.values().stream().filter(v -> !v.claims().isEmpty()).toList();
          if (stated.size() >= 2) {
            ConflictRef c = first.get(key);
            out.add(new ConflictRef(c.quantity(), c.subject(), c.election(), stated));
          }
        });
    return out;
  }

  private static Value unmarked(Value v) {
    return new Value(v.value(), v.total(), v.max(), v.approximate(), false, v.sources());
  }

  static String key(String quantity, String subject, String election) {
    return quantity + "\t" + subject + "\t" + (election == null ? "" : election);
  }

  /** A value being gathered: its first statement and every statement of it. */
  private static final class Draft {
    final FigureRef first;
    final List<FigureRef> claims = new ArrayList<>();
    final List<Source> sources = new ArrayList<>();

    /** The ids of the articles that state it: their document ids and enrich's article ids. */
    final Set<String> articles = new HashSet<>();

    Draft(FigureRef first) {
      this.first = first;
    }

    /** The same value: same denominator and range end, within either's written precision. */
    boolean sameAs(FigureRef f) {
      return java.util.Objects.equals(first.total(), f.total())
          && close(first.value(), f.value(), f.precision())
          && (first.max() == null) == (f.max() == null)
          && (first.max() == null || close(first.max(), f.max(), f.precision()));
    }

    void add(FigureRef f, ArticleDocument d) {
      claims.add(f);
      articles.add(d.id());
      articles.add(d.articleId());
      sources.add(new Source(d.id(), d.source(), f.attributedTo(), f.text(), d.effectiveTime()));
    }

    private boolean close(double a, double b, double precision) {
      return Math.abs(a - b) <= Math.max(first.precision(), precision) + 1e-12;
    }

    /** Whether a conflict names this value with a claim of one of its articles. */
    boolean isIn(ConflictRef conflict) {
      for (ConflictValueRef v : conflict.values()) {
        boolean thisValue = claims.stream().anyMatch(c -> close(c.value(), v.value(), 0));
        if (thisValue && v.claims().stream().anyMatch(k -> articles.contains(k.articleId()))) {
          return true;
        }
      }
      return false;
    }

    Value build(boolean conflicting) {
      return new Value(
          first.value(), first.total(), first.max(), first.approximate(), conflicting, sources);
    }
  }
}
