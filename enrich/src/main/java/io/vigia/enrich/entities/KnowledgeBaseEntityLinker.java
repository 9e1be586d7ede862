package io.vigia.enrich.entities;

import io.vigia.enrich.analysis.EntityLinker;
import io.vigia.enrich.entities.KnowledgeBase.KnownEntity;
import io.vigia.enrich.text.PhraseMatcher;
import io.vigia.enrich.text.Tokens;
import io.vigia.schemas.Entity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links names in an article to the knowledge base with a dictionary matcher (longest match, whole
 * words, accent-insensitive, a capital in a name must be a capital in the text, acronyms
 * case-exact), then reports capitalised names it does not know as unlinked entities. Datelines and
 * credit lines are not read.
 *
 * <p>Resolution, in order: a name that belongs to one entity links to it; a name shared by several
 * (or a {@code weak} name such as a bare surname) links only to the candidate the same article
 * names unambiguously elsewhere, or whose context words it contains; a weak place name also links
 * to the one candidate in the article's country or listed among other places ("Bogotá, Lima,
 * Santiago"); a {@code generic} institution name ("Ministerio Público") links only when the article
 * is about the entity's country, and is otherwise reported unlinked, typed ORG. Anything still
 * ambiguous stays unlinked rather than guessed.
 *
 * <p>Why a dictionary and a capitalisation rule rather than a statistical NER model: the entities
 * that matter to a watch profile are known and need stable ids, which a dictionary gives exactly
 * and in microseconds; the open-source NER models that handle Spanish are GPL or weigh hundreds of
 * MB. New actors still surface, as unlinked capitalised names an analyst can promote to the
 * knowledge base.
 */
public final class KnowledgeBaseEntityLinker implements EntityLinker {
  private static final int MAX_UNLINKED = 12;

  /** What separates the names of a list: "Bogotá, Lima y Santiago", "in Lima, in Santiago". */
  private static final Set<String> LIST_GAPS =
      Set.of(",", "y", "e", "o", "u", "and", "or", ", and", ", or", ", y", ", e", ", o");

  /** How one name refers to one entity. */
  private enum Kind {
    ALIAS,
    WEAK,
    GENERIC
  }

  private record Ref(KnownEntity entity, Kind kind) {}

  private final PhraseMatcher<Ref> names = new PhraseMatcher<>();
  private final PhraseMatcher<KnownEntity> contexts = new PhraseMatcher<>();
  private final UnlinkedNames unlinked;

  public KnowledgeBaseEntityLinker(KnowledgeBase kb) {
    Set<String> demonyms = new HashSet<>();
    for (KnownEntity e : kb.entities()) {
      e.aliases().forEach(a -> names.addName(a, new Ref(e, Kind.ALIAS)));
      e.weak().forEach(a -> names.addName(a, new Ref(e, Kind.WEAK)));
      e.generic().forEach(a -> names.addName(a, new Ref(e, Kind.GENERIC)));
      e.context().forEach(c -> contexts.add(c, e));
      e.demonyms().forEach(d -> demonyms.add(Tokens.fold(d)));
    }
    unlinked = new UnlinkedNames(demonyms);
  }

  @Override
  public List<Entity> link(String title, String text, String language) {
    String body = text == null || text.isBlank() ? (title == null ? "" : title) : text;
    Tokens tokens = Tokens.of(body);
    boolean[] masked = CreditLines.mask(tokens);
    List<PhraseMatcher.Match<List<Ref>>> matches = new ArrayList<>();
    for (PhraseMatcher.Match<List<Ref>> m : names.findAll(tokens)) {
      if (!masked[m.from()]) {
        matches.add(m);
      }
    }

    // Entities the article names unambiguously: they settle shared and weak names, and tell
    // which country the article is about (the headline's names count twice).
    Set<KnownEntity> named = new HashSet<>();
    Map<String, Integer> countries = new HashMap<>();
    for (PhraseMatcher.Match<List<Ref>> m : matches) {
      KnownEntity e = onlyAlias(m.value());
      if (e != null) {
        named.add(e);
        countries.merge(e.country(), 1, Integer::sum);
      }
    }
    if (title != null && body != title) {
      for (PhraseMatcher.Match<List<Ref>> m : names.findAll(Tokens.of(title))) {
        KnownEntity e = onlyAlias(m.value());
        if (e != null) {
          countries.merge(e.country(), 2, Integer::sum);
        }
      }
    }
    countries.remove("");
    Set<KnownEntity> inContext = new HashSet<>();
    contexts.findAll(tokens).forEach(m -> inContext.addAll(m.value()));

    Map<KnownEntity, int[]> found = new LinkedHashMap<>(); // entity -> {mentions, first offset}
    boolean[] covered = masked.clone();
    KnownEntity[] resolved = new KnownEntity[matches.size()];
    List<Entity> unlinkedGeneric = new ArrayList<>(2);
    for (int pass = 0; pass < 2; pass++) {
      for (int k = 0; k < matches.size(); k++) {
        PhraseMatcher.Match<List<Ref>> m = matches.get(k);
        if (resolved[k] != null || otherPersonsName(tokens, m)) {
          continue;
        }
        KnownEntity e =
            pass == 0
                ? resolve(m.value(), named, inContext, countries)
                : resolvePlace(m.value(), countries, listedWithPlace(tokens, matches, resolved, k));
        if (e != null) {
          resolved[k] = e;
          int[] stat = found.computeIfAbsent(e, x -> new int[] {0, tokens.start(m.from())});
          stat[0]++;
          if (stat[1] > tokens.start(m.from())) {
            stat[1] = tokens.start(m.from());
          }
        } else if (pass == 1 && isGenericOnly(m.value())) {
          addUnlinkedOrg(tokens, m, unlinkedGeneric);
        }
      }
    }
    for (PhraseMatcher.Match<List<Ref>> m : matches) {
      if (otherPersonsName(tokens, m)) {
        continue; // "Omar González" is found whole among the unlinked names
      }
      for (int t = m.from(); t < m.to(); t++) {
        covered[t] = true;
      }
    }
    List<Entity> out = new ArrayList<>(found.size() + 4);
    found.forEach(
        (e, stat) -> out.add(new Entity(e.id(), e.name(), e.type(), stat[0], stat[1], true)));
    out.addAll(unlinkedGeneric);
    out.addAll(unlinked.find(tokens, covered, masked, MAX_UNLINKED));
    return out;
  }

  /**
   * "Omar González" where the knowledge base knows "González" only as a weak name of Edmundo
   * González: a weak name right after a capitalised word that does not open the sentence is the end
   * of another person's name, whatever settles the weak name elsewhere in the article.
   */
  private static boolean otherPersonsName(Tokens tokens, PhraseMatcher.Match<List<Ref>> m) {
    if (m.from() == 0) {
      return false;
    }
    for (Ref r : m.value()) {
      if (r.kind() != Kind.WEAK) {
        return false;
      }
    }
    int prev = m.from() - 1;
    return tokens.end(prev) + 1 == tokens.start(m.from())
        && tokens.text().charAt(tokens.end(prev)) == ' '
        && tokens.capitalised(prev)
        && tokens.end(prev) - tokens.start(prev) >= 2
        // the first word of a sentence is capitalised whatever it is
        && !tokens.sentenceStart(prev);
  }

  /** The one entity a name always means, or null (two spellings of one name are one entity). */
  private static KnownEntity onlyAlias(List<Ref> refs) {
    KnownEntity only = null;
    for (Ref r : refs) {
      if (r.kind() != Kind.ALIAS) {
        continue;
      }
      if (only != null && only != r.entity()) {
        return null;
      }
      only = r.entity();
    }
    return only;
  }

  private static KnownEntity resolve(
      List<Ref> refs,
      Set<KnownEntity> named,
      Set<KnownEntity> inContext,
      Map<String, Integer> countries) {
    KnownEntity strong = onlyAlias(refs);
    if (strong != null) {
      return strong;
    }
    List<KnownEntity> settled = new ArrayList<>(2);
    for (Ref r : refs) {
      boolean ok =
          switch (r.kind()) {
            case ALIAS -> named.contains(r.entity());
            case WEAK -> named.contains(r.entity()) || inContext.contains(r.entity());
            case GENERIC -> isAbout(countries, r.entity().country());
          };
      if (ok && !settled.contains(r.entity())) {
        settled.add(r.entity());
      }
    }
    return settled.size() == 1 ? settled.get(0) : null;
  }

  /**
   * The second pass, for weak place names still open: the one candidate in the article's country,
   * or the one place candidate when the name stands in a list of places.
   */
  private static KnownEntity resolvePlace(
      List<Ref> refs, Map<String, Integer> countries, boolean listed) {
    List<KnownEntity> places = new ArrayList<>(2);
    for (Ref r : refs) {
      if (r.kind() == Kind.WEAK
          && "PLACE".equals(r.entity().type())
          && !places.contains(r.entity())) {
        places.add(r.entity());
      }
    }
    if (places.size() != refs.stream().map(Ref::entity).distinct().count()) {
      return null; // a person shares the name: a list or a country does not settle it
    }
    List<KnownEntity> home = new ArrayList<>(1);
    for (KnownEntity p : places) {
      if (!p.country().isEmpty() && isAboutStrictly(countries, p.country())) {
        home.add(p);
      }
    }
    if (home.size() == 1) {
      return home.get(0);
    }
    return listed && places.size() == 1 ? places.get(0) : null;
  }

  /** The article is about {@code country}: no other country is named more often. */
  private static boolean isAbout(Map<String, Integer> countries, String country) {
    int mine = countries.getOrDefault(country, 0);
    for (Map.Entry<String, Integer> c : countries.entrySet()) {
      if (!c.getKey().equals(country) && c.getValue() > mine) {
        return false;
      }
    }
    return true;
  }

  /** The article names {@code country} (or its places, people, bodies) more than any other. */
  private static boolean isAboutStrictly(Map<String, Integer> countries, String country) {
    int mine = countries.getOrDefault(country, 0);
    for (Map.Entry<String, Integer> c : countries.entrySet()) {
      if (!c.getKey().equals(country) && c.getValue() >= mine) {
        return false;
      }
    }
    return mine > 0;
  }

  /** "Bogotá, Lima, Santiago y Miami": a neighbour in the list is a linked place. */
  private static boolean listedWithPlace(
      Tokens t, List<PhraseMatcher.Match<List<Ref>>> matches, KnownEntity[] resolved, int k) {
    return (k > 0
            && isPlace(resolved[k - 1])
            && listGap(t, matches.get(k - 1).to() - 1, matches.get(k).from()))
        || (k + 1 < matches.size()
            && isPlace(resolved[k + 1])
            && listGap(t, matches.get(k).to() - 1, matches.get(k + 1).from()));
  }

  private static boolean isPlace(KnownEntity e) {
    return e != null && "PLACE".equals(e.type());
  }

  /** Only a comma, "y", "e", "o", "and" or "or" between two names. */
  private static boolean listGap(Tokens t, int lastOfFirst, int firstOfSecond) {
    if (firstOfSecond - lastOfFirst > 3) {
      return false;
    }
    String gap = t.text().substring(t.end(lastOfFirst), t.start(firstOfSecond)).strip();
    return LIST_GAPS.contains(gap.replaceFirst("\\s+(en|in)$", ""));
  }

  private static boolean isGenericOnly(List<Ref> refs) {
    return refs.stream().allMatch(r -> r.kind() == Kind.GENERIC);
  }

  /** A generic institution name in an article about another country: its own unlinked ORG. */
  private static void addUnlinkedOrg(Tokens t, PhraseMatcher.Match<List<Ref>> m, List<Entity> out) {
    String name = t.text().substring(t.start(m.from()), t.end(m.to() - 1));
    String key = "unlinked:" + Tokens.fold(name).replaceAll("[^a-z0-9]+", "-");
    for (Entity e : out) {
      if (e.getId().equals(key)) {
        e.setMentions(e.getMentions() + 1);
        return;
      }
    }
    out.add(new Entity(key, name, "ORG", 1, t.start(m.from()), false));
  }
}
