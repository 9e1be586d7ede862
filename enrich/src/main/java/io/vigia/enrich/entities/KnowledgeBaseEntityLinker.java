package io.vigia.enrich.entities;

import io.vigia.enrich.analysis.EntityLinker;
import io.vigia.enrich.entities.KnowledgeBase.KnownEntity;
import io.vigia.enrich.text.PhraseMatcher;
import io.vigia.enrich.text.Tokens;
import io.vigia.schemas.Entity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links names in an article to the knowledge base with a dictionary matcher (longest match, whole
 * words, accent- and case-insensitive, acronyms case-exact), then reports capitalised names it does
 * not know as unlinked entities.
 *
 * <p>Resolution, in order: a name that belongs to one entity links to it; a name shared by several
 * (or a {@code weak} name such as a bare surname) links only to the candidate the same article
 * names unambiguously elsewhere, or whose context words it contains; anything still ambiguous stays
 * unlinked rather than guessed.
 *
 * <p>Why a dictionary and a capitalisation rule rather than a statistical NER model: the entities
 * that matter to a watch profile are known and need stable ids, which a dictionary gives exactly
 * and in microseconds; the open-source NER models that handle Spanish are GPL or weigh hundreds of
 * MB. New actors still surface, as unlinked capitalised names an analyst can promote to the
 * knowledge base.
 */
public final class KnowledgeBaseEntityLinker implements EntityLinker {
  private static final int MAX_UNLINKED = 12;

  private record Ref(KnownEntity entity, boolean weak) {}

  private final PhraseMatcher<Ref> names = new PhraseMatcher<>();
  private final PhraseMatcher<KnownEntity> contexts = new PhraseMatcher<>();
  private final UnlinkedNames unlinked = new UnlinkedNames();

  public KnowledgeBaseEntityLinker(KnowledgeBase kb) {
    for (KnownEntity e : kb.entities()) {
      e.aliases().forEach(a -> names.add(a, new Ref(e, false)));
      e.weak().forEach(a -> names.add(a, new Ref(e, true)));
      e.context().forEach(c -> contexts.add(c, e));
    }
  }

  @Override
  public List<Entity> link(String title, String text, String language) {
    String body = text == null || text.isBlank() ? (title == null ? "" : title) : text;
    Tokens tokens = Tokens.of(body);
    List<PhraseMatcher.Match<List<Ref>>> matches = names.findAll(tokens);

    // Entities the article names unambiguously: they settle shared and weak names.
    Set<KnownEntity> named = new HashSet<>();
    for (PhraseMatcher.Match<List<Ref>> m : matches) {
      List<KnownEntity> strong = strongEntities(m.value());
      if (strong.size() == 1) {
        named.add(strong.get(0));
      }
    }
    Set<KnownEntity> inContext = new HashSet<>();
    contexts.findAll(tokens).forEach(m -> inContext.addAll(m.value()));

    Map<KnownEntity, int[]> found = new LinkedHashMap<>(); // entity -> {mentions, first offset}
    boolean[] covered = new boolean[tokens.size()];
    for (PhraseMatcher.Match<List<Ref>> m : matches) {
      for (int t = m.from(); t < m.to(); t++) {
        covered[t] = true;
      }
      KnownEntity e = resolve(m.value(), named, inContext);
      if (e != null) {
        int[] stat = found.computeIfAbsent(e, k -> new int[] {0, tokens.start(m.from())});
        stat[0]++;
      }
    }
    List<Entity> out = new ArrayList<>(found.size() + 4);
    found.forEach(
        (e, stat) -> out.add(new Entity(e.id(), e.name(), e.type(), stat[0], stat[1], true)));
    out.addAll(unlinked.find(tokens, covered, MAX_UNLINKED));
    return out;
  }

  /** The distinct entities a name always means (two spellings of one name are one entity). */
  private static List<KnownEntity> strongEntities(List<Ref> refs) {
    return refs.stream().filter(r -> !r.weak()).map(Ref::entity).distinct().toList();
  }

  private static KnownEntity resolve(
      List<Ref> refs, Set<KnownEntity> named, Set<KnownEntity> inContext) {
    List<KnownEntity> strong = strongEntities(refs);
    if (strong.size() == 1) {
      return strong.get(0);
    }
    List<KnownEntity> settled = new ArrayList<>();
    for (Ref r : refs) {
      if (named.contains(r.entity()) || (r.weak() && inContext.contains(r.entity()))) {
        if (!settled.contains(r.entity())) {
          settled.add(r.entity());
        }
      }
    }
    return settled.size() == 1 ? settled.get(0) : null;
  }
}
