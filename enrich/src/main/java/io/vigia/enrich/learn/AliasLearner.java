package io.vigia.enrich.learn;

import io.vigia.enrich.entities.CommonWords;
import io.vigia.enrich.entities.KnowledgeBase;
import io.vigia.enrich.entities.KnowledgeBase.KnownEntity;
import io.vigia.enrich.learn.CorrectionLessons.LinkedMention;
import io.vigia.enrich.learn.CorrectionLessons.RemovedLink;
import io.vigia.enrich.text.PhraseMatcher;
import io.vigia.enrich.text.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the knowledge base learns from the analysts' entity corrections. A mention an analyst linked
 * to an entity becomes an alias of that entity, unless it is one already, names another entity too
 * (an alias of two entities would link neither), is no name (no capital letter, or only common
 * words: "Gobierno" linked in one article must not link every government), or is not in the article
 * as written. A removed link is reported; when the same single alias of the entity was the only
 * name of it in at least {@link #MIN_REMOVALS} articles where an analyst removed the link, that
 * alias is clearly what misleads the linker, and it moves from the entity's aliases to its weak
 * names (it then links only where the article also names the entity otherwise or has one of its
 * context words), rather than being dropped: the articles that name the entity in full keep linking
 * it.
 */
public final class AliasLearner {
  /** Removals blaming the same alias, in different articles, before it is demoted. */
  public static final int MIN_REMOVALS = 2;

  /** An alias to add to an entity, from {@code corrections} corrections. */
  public record Added(String entityId, String entityName, String alias, int corrections) {}

  /** A mention not made an alias, and why. */
  public record Skipped(String entityId, String mention, String why) {}

  /** An alias moved to the entity's weak names, blamed by {@code corrections} removals. */
  public record Demoted(String entityId, String entityName, String alias, int corrections) {}

  /** A link analysts removed from {@code articles} articles, and what came of it. */
  public record Removed(String entityId, String entityName, int articles, String outcome) {}

  /** What to change in the knowledge base, and what not. */
  public record Plan(
      List<Added> added, List<Skipped> skipped, List<Demoted> demoted, List<Removed> removed) {
    public Plan {
      added = List.copyOf(added);
      skipped = List.copyOf(skipped);
      demoted = List.copyOf(demoted);
      removed = List.copyOf(removed);
    }

    public static Plan none() {
      return new Plan(List.of(), List.of(), List.of(), List.of());
    }

    /** Whether the knowledge base files change. */
    public boolean changes() {
      return !added.isEmpty() || !demoted.isEmpty();
    }

    /** The report's lines on the knowledge base (none when no entity correction was read). */
    public String text() {
      StringBuilder b = new StringBuilder();
      for (Added a : added) {
        b.append(
            String.format(
                Locale.ROOT,
                "  entities: alias \"%s\" added to %s (%s), from %d correction%s%n",
                a.alias(),
                a.entityId(),
                a.entityName(),
                a.corrections(),
                a.corrections() == 1 ? "" : "s"));
      }
      for (Skipped s : skipped) {
        b.append(
            String.format(
                Locale.ROOT,
                "  entities: \"%s\" not added to %s: %s%n",
                s.mention(),
                s.entityId(),
                s.why()));
      }
      for (Removed r : removed) {
        b.append(
            String.format(
                Locale.ROOT,
                "  entities: link to %s (%s) removed from %d article%s: %s%n",
                r.entityId(),
                r.entityName(),
                r.articles(),
                r.articles() == 1 ? "" : "s",
                r.outcome()));
      }
      return b.toString();
    }
  }

  private AliasLearner() {}

  /** The plan for {@code mentions} and {@code removals} against knowledge base {@code kb}. */
  public static Plan plan(
      KnowledgeBase kb, List<LinkedMention> mentions, List<RemovedLink> removals) {
    Map<String, KnownEntity> byId = new LinkedHashMap<>();
    Map<String, Set<String>> owners = new LinkedHashMap<>(); // name key -> ids naming it
    for (KnownEntity e : kb.entities()) {
      byId.put(e.id(), e);
      for (String n : names(e)) {
        owners.computeIfAbsent(key(n), k -> new LinkedHashSet<>()).add(e.id());
      }
    }
    List<Added> added = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    Map<String, List<LinkedMention>> grouped = new LinkedHashMap<>();
    for (LinkedMention m : mentions) {
      grouped
          .computeIfAbsent(m.entityId() + "\n" + key(m.mention()), k -> new ArrayList<>())
          .add(m);
    }
    for (List<LinkedMention> same : grouped.values()) {
      LinkedMention m = same.get(0);
      KnownEntity e = byId.get(m.entityId());
      String why =
          e == null ? "no entity with this id in the knowledge base (add it by hand)" : null;
      if (why == null) {
        why = refusal(e, m, same, owners.getOrDefault(key(m.mention()), Set.of()), byId);
      }
      if (why == null) {
        added.add(new Added(e.id(), e.name(), m.mention(), same.size()));
      } else {
        skipped.add(new Skipped(m.entityId(), m.mention(), why));
      }
    }
    List<Demoted> demoted = new ArrayList<>();
    List<Removed> removed = new ArrayList<>();
    Map<String, List<RemovedLink>> byEntity = new LinkedHashMap<>();
    removals.forEach(r -> byEntity.computeIfAbsent(r.entityId(), k -> new ArrayList<>()).add(r));
    byEntity.forEach(
        (id, links) -> {
          KnownEntity e = byId.get(id);
          if (e == null) {
            removed.add(
                new Removed(id, "?", links.size(), "not in the knowledge base; nothing to change"));
            return;
          }
          Map<String, Integer> blamed = new LinkedHashMap<>();
          for (RemovedLink r : links) {
            String only = onlyAliasIn(e, r.text());
            if (only != null) {
              blamed.merge(only, 1, Integer::sum);
            }
          }
          String outcome = "kept (no single alias of it to blame in " + MIN_REMOVALS + " articles)";
          for (Map.Entry<String, Integer> b : blamed.entrySet()) {
            if (b.getValue() < MIN_REMOVALS) {
              continue;
            }
            if (key(b.getKey()).equals(key(e.name()))) {
              outcome = "kept: \"" + b.getKey() + "\" is the entity's own name";
            } else {
              demoted.add(new Demoted(e.id(), e.name(), b.getKey(), b.getValue()));
              outcome =
                  "alias \""
                      + b.getKey()
                      + "\" moved to its weak names (the only name of it in "
                      + b.getValue()
                      + " of these articles)";
            }
            break;
          }
          removed.add(new Removed(id, e.name(), links.size(), outcome));
        });
    return new Plan(added, skipped, demoted, removed);
  }

  /** Why {@code m} cannot become an alias of {@code e}, or null when it can. */
  private static String refusal(
      KnownEntity e,
      LinkedMention m,
      List<LinkedMention> same,
      Set<String> owners,
      Map<String, KnownEntity> byId) {
    String k = key(m.mention());
    if (e.aliases().stream().anyMatch(a -> key(a).equals(k))) {
      return "already an alias";
    }
    if (e.weak().stream().anyMatch(a -> key(a).equals(k))
        || e.generic().stream().anyMatch(a -> key(a).equals(k))) {
      return "already one of its weak or generic names, which link only where the article settles them";
    }
    for (String other : owners) {
      if (!other.equals(e.id())) {
        return "also a name of "
            + other
            + " ("
            + byId.get(other).name()
            + "); a name of two entities links neither";
      }
    }
    if (m.mention().codePoints().noneMatch(Character::isUpperCase)) {
      return "too generic: no capital letter, so no name";
    }
    Tokens t = Tokens.of(m.mention());
    boolean allCommon = true;
    for (int i = 0; i < t.size() && allCommon; i++) {
      allCommon = CommonWords.isCommonWord(t.surface(i));
    }
    if (t.size() == 0 || allCommon) {
      return "too generic: only common words";
    }
    if (t.size() == 1
        && t.surface(0).length() < 3
        && !t.surface(0).equals(t.surface(0).toUpperCase(Locale.ROOT))) {
      return "too generic: one short word";
    }
    boolean stored = same.stream().anyMatch(x -> !x.text().isEmpty());
    if (stored && same.stream().noneMatch(x -> contains(x.text(), x.mention()))) {
      return "not found in the article as written";
    }
    return null;
  }

  /** The entity's one alias found in {@code text} when no other name of it is; else null. */
  private static String onlyAliasIn(KnownEntity e, String text) {
    if (text.isEmpty()) {
      return null;
    }
    PhraseMatcher<String> m = new PhraseMatcher<>();
    names(e).forEach(n -> m.addName(n, n));
    Set<String> found = new LinkedHashSet<>();
    m.findAll(Tokens.of(text)).forEach(x -> x.value().forEach(n -> found.add(key(n))));
    if (found.size() != 1) {
      return null;
    }
    String only = found.iterator().next();
    return e.aliases().stream().filter(a -> key(a).equals(only)).findFirst().orElse(null);
  }

  private static boolean contains(String text, String mention) {
    PhraseMatcher<Boolean> m = new PhraseMatcher<>();
    m.addName(mention, true);
    return !m.findAll(Tokens.of(text)).isEmpty();
  }

  private static List<String> names(KnownEntity e) {
    List<String> all = new ArrayList<>(e.aliases());
    all.addAll(e.weak());
    all.addAll(e.generic());
    return all;
  }

  /** A name as the linker compares names: its folded words. */
  static String key(String name) {
    Tokens t = Tokens.of(name);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < t.size(); i++) {
      b.append(i == 0 ? "" : " ").append(t.folded(i));
    }
    return b.toString();
  }
}
