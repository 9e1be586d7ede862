package io.vigia.enrich.figures;

import io.vigia.enrich.entities.KnowledgeBase;
import io.vigia.enrich.entities.KnowledgeBase.KnownEntity;
import io.vigia.enrich.text.PhraseMatcher;
import io.vigia.enrich.text.Tokens;
import io.vigia.schemas.Entity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who an article names that a figure can be about or attributed to, with every mention's place: the
 * knowledge base's people and organisations (places are never either), the profile's collective
 * actors ("la oposición", "the ruling party"), the officials who speak for an institution and the
 * generic names that refer back to one ("the council"), and the people the entity linker found but
 * does not know (their full name, then their surname).
 */
final class Actors {
  /** What a mention can be: a figure's subject, a source, or both. */
  enum Role {
    PERSON,
    PARTY,
    GROUP,
    INSTITUTION,
    OFFICIAL,
    REFERENCE
  }

  /** One actor: the id and canonical name a figure names it by. */
  record Actor(String id, String name, Role role) {
    boolean person() {
      return role == Role.PERSON;
    }

    /** Institutions, their officials and references to them are sources, never subjects. */
    boolean canBeSubject() {
      return role == Role.PERSON || role == Role.PARTY || role == Role.GROUP;
    }
  }

  record Mention(int start, int end, Actor actor) {}

  /** Capitalised names the linker leaves as people that are places or bodies. */
  private static final java.util.regex.Pattern NOT_A_PERSON =
      java.util.regex.Pattern.compile(
          "\\b(?:district|distrito|state|estado|department|office|council|consejo|party|partido"
              + "|commission|comision|assembly|asamblea|court|tribunal|union|nations|house|palace"
              + "|palacio|ministry|ministerio|mission|mision|center|centre|centro|república|republic"
              + "|city|ciudad|street|avenida|avenue|plaza|square)\\b");

  private final PhraseMatcher<Actor> names = new PhraseMatcher<>();

  /**
   * Generic names ("CNE", "Ministerio Público") mean an entity only where the linker found it meant
   * here (an article about its country), weak ones ("Chávez") only where the article names it in
   * full too: they count only when that entity is linked.
   */
  private final PhraseMatcher<Actor> genericNames = new PhraseMatcher<>();

  /** Generic names of a coalition, each with the index of its entry in {@link #coalitionRefs}. */
  private final PhraseMatcher<Integer> coalitionNames = new PhraseMatcher<>();

  private final List<FigureVocabulary.CoalitionRefs> coalitionRefs;

  /** The actors a generic name of a coalition may mean, by id. */
  private final Map<String, Actor> coalitions = new HashMap<>();

  Actors(KnowledgeBase kb, FigureVocabulary vocabulary) {
    this.coalitionRefs = vocabulary.coalitionRefs();
    Map<String, KnownEntity> byId = new HashMap<>();
    kb.entities().forEach(e -> byId.put(e.id(), e));
    Map<String, Boolean> institutions = new HashMap<>();
    vocabulary.speakers().forEach(s -> institutions.put(s.id(), true));
    for (KnownEntity e : kb.entities()) {
      if (e.type().equals("PLACE")) {
        continue;
      }
      Role role =
          institutions.containsKey(e.id())
              ? Role.INSTITUTION
              : e.type().equals("PERSON") ? Role.PERSON : organisation(e);
      Actor a = new Actor(e.id(), e.name(), role);
      coalitions.put(e.id(), a);
      e.aliases().forEach(n -> names.add(n, a));
      e.generic().forEach(n -> genericNames.add(n, a));
      // A weak name ("Chávez") means the entity where the linker found it meant (the article
      // also names it in full), as a generic name does.
      e.weak().forEach(n -> genericNames.add(n, a));
    }
    for (FigureVocabulary.Group g : vocabulary.groups()) {
      Actor a = new Actor(g.id(), g.name(), Role.GROUP);
      coalitions.put(g.id(), a);
      g.aliases().forEach(n -> names.add(n, a));
    }
    for (int k = 0; k < coalitionRefs.size(); k++) {
      Integer entry = k;
      coalitionRefs.get(k).refs().forEach(r -> coalitionNames.add(r, entry));
    }
    Map<String, KnownEntity> people = new HashMap<>();
    for (KnownEntity e : kb.entities()) {
      if (e.type().equals("PERSON")) {
        people.put(e.name(), e);
        e.aliases().forEach(n -> people.putIfAbsent(n, e));
      }
    }
    for (FigureVocabulary.Speaker s : vocabulary.speakers()) {
      KnownEntity e = byId.get(s.id());
      String name = e == null ? s.id() : e.name();
      for (String p : s.people()) {
        Actor official = new Actor(s.id(), name, Role.OFFICIAL);
        names.add(p, official);
        // "Amoroso said": every name the knowledge base knows the official by speaks for the
        // institution, so one bulletin read by "Elvis Amoroso" and by "Amoroso" is one voice.
        KnownEntity person = people.get(p);
        if (person != null) {
          person.aliases().forEach(n -> names.add(n, official));
        }
      }
      s.refs().forEach(r -> names.add(r, new Actor(s.id(), name, Role.REFERENCE)));
    }
  }

  /**
   * What an organisation of the knowledge base is: a party when its category is the parties' (or
   * the knowledge base gives none); an institution, a company, an NGO or a foreign body is a source
   * that announces figures ("el organismo, que contabilizó 5,5 millones de votos"), never their
   * subject.
   */
  private static Role organisation(KnownEntity e) {
    return e.category() == null || e.category().equals(PARTIES) ? Role.PARTY : Role.INSTITUTION;
  }

  /** The knowledge base's category of political parties and coalitions. */
  static final String PARTIES = "parties";

  /** Every mention in the text, in order; unknown people from the entity linker's list too. */
  List<Mention> find(String text, List<Entity> entities) {
    return in(text, entities).find(0, text.length());
  }

  /** The actors of one article, ready to be found in any part of it. */
  Finder in(String text, List<Entity> entities) {
    java.util.Set<String> linked = new java.util.HashSet<>();
    List<Actor> unknown = new ArrayList<>();
    for (Entity e : entities) {
      if (e.getLinked()) {
        linked.add(e.getId());
      } else if (e.getType().equals("PERSON")
          && e.getName().indexOf(' ') > 0
          && !NOT_A_PERSON.matcher(FoldedText.fold(e.getName())).find()) {
        unknown.add(new Actor(e.getName(), e.getName(), Role.PERSON));
      }
    }
    return new Finder(text, linked, unknown);
  }

  /**
   * Finds an article's actors within a part of it. A part is cut at paragraph breaks, so no name is
   * read across one.
   */
  final class Finder {
    private final String text;
    private final java.util.Set<String> linked;
    private final List<Actor> unknown;

    private Finder(String text, java.util.Set<String> linked, List<Actor> unknown) {
      this.text = text;
      this.linked = linked;
      this.unknown = unknown;
    }

    /** Every mention within [from, to) of the text, in order, with offsets in the whole text. */
    List<Mention> find(int from, int to) {
      String part = text.substring(from, to);
      Tokens tokens = Tokens.of(part);
      List<Mention> out = new ArrayList<>();
      for (PhraseMatcher.Match<List<Actor>> m : names.findAll(tokens)) {
        // An official's name is also a person in the knowledge base: the official (a source) wins.
        Actor a = m.value().get(0);
        for (Actor x : m.value()) {
          if (x.role() == Role.OFFICIAL || x.role() == Role.REFERENCE) {
            a = x;
            break;
          }
        }
        out.add(new Mention(from + tokens.start(m.from()), from + tokens.end(m.to() - 1), a));
      }
      int byAlias = out.size(); // the mentions read by alias: out's first ones
      for (PhraseMatcher.Match<List<Actor>> m : genericNames.findAll(tokens)) {
        int start = from + tokens.start(m.from());
        int end = from + tokens.end(m.to() - 1);
        if (overlaps(out, byAlias, start, end)) {
          continue; // inside a longer name already read
        }
        for (Actor x : m.value()) {
          if (linked.contains(x.id())) {
            out.add(new Mention(start, end, x));
            break;
          }
        }
      }
      for (Actor a : unknown) {
        addAll(part, from, a.name(), a, out);
        String surname = a.name().substring(a.name().lastIndexOf(' ') + 1);
        if (surname.length() > 3) {
          addAll(part, from, surname, a, out);
        }
      }
      out.sort(Comparator.comparingInt(Mention::start));
      List<Mention> distinct = new ArrayList<>(out.size());
      int covered = -1;
      for (Mention m : out) {
        if (m.start() >= covered) {
          distinct.add(m);
          covered = m.end();
        }
      }
      return coalitionRefs.isEmpty() ? distinct : withCoalitionRefs(distinct, tokens, from);
    }

    /**
     * "La MUD suma 112 diputados... La coalición opositora recibió 7,7 millones de votos": a
     * generic name of a coalition is the coalition of its kind the article named last before it (in
     * this part or an earlier one), else its entry's default.
     */
    private List<Mention> withCoalitionRefs(List<Mention> found, Tokens tokens, int from) {
      List<PhraseMatcher.Match<List<Integer>>> refs = coalitionNames.findAll(tokens);
      if (refs.isEmpty()) {
        return found;
      }
      List<Mention> earlier = null; // the mentions before this part, read once if needed
      List<Mention> out = new ArrayList<>(found);
      for (PhraseMatcher.Match<List<Integer>> r : refs) {
        int start = from + tokens.start(r.from());
        int end = from + tokens.end(r.to() - 1);
        if (overlaps(found, found.size(), start, end)) {
          continue; // part of a name ("la Alianza Democrática")
        }
        FigureVocabulary.CoalitionRefs entry = coalitionRefs.get(r.value().get(0));
        Actor meant = lastOf(entry.members(), out, start);
        if (meant == null && from > 0) {
          earlier = earlier != null ? earlier : find(0, from);
          meant = lastOf(entry.members(), earlier, start);
        }
        if (meant == null && entry.otherwise() != null) {
          meant = coalitions.get(entry.otherwise());
        }
        if (meant != null) {
          out.add(new Mention(start, end, meant));
          out.sort(Comparator.comparingInt(Mention::start));
        }
      }
      return out;
    }
  }

  /** The actor among {@code ids} last mentioned before {@code pos}, or null. */
  private static Actor lastOf(List<String> ids, List<Mention> mentions, int pos) {
    Actor last = null;
    for (Mention m : mentions) {
      if (m.start() < pos && ids.contains(m.actor().id())) {
        last = m.actor();
      }
    }
    return last;
  }

  /** Whether one of the first {@code count} mentions overlaps [start, end). */
  private static boolean overlaps(List<Mention> mentions, int count, int start, int end) {
    for (int k = 0; k < count; k++) {
      Mention x = mentions.get(k);
      if (x.start() < end && start < x.end()) {
        return true;
      }
    }
    return false;
  }

  /** Every whole-word occurrence of a name in a part of the text that starts at {@code offset}. */
  private static void addAll(String text, int offset, String name, Actor a, List<Mention> out) {
    for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length())) {
      int end = i + name.length();
      boolean whole =
          (i == 0 || !Character.isLetter(text.charAt(i - 1)))
              && (end >= text.length() || !Character.isLetter(text.charAt(end)));
      if (whole) {
        out.add(new Mention(offset + i, offset + end, a));
      }
    }
  }
}
