package io.vigia.sink.api;

import io.vigia.common.http.Json;
import io.vigia.search.ArticleDocument;
import io.vigia.search.ArticleDocument.EntityRef;
import io.vigia.search.ArticleDocument.Machine;
import io.vigia.search.ArticleDocument.Overlay;
import io.vigia.search.ArticleDocument.StanceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article as the API answers it, with every corrected judgement marked: a corrected stance or
 * entity carries {@code "corrected": true} and the machine's own judgement beside it ({@code
 * "machine"}, null when the machine had none); an entity an analyst removed is listed under {@code
 * removedEntities}; a corrected story or relevance gets an object of the same shape ({@code story},
 * {@code relevant}). {@code corrected} at the top says whether anything is.
 */
final class ArticleView {
  private ArticleView() {}

  /** The whole article ({@code GET /api/articles/{id}}). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> full(ArticleDocument d) {
    Map<String, Object> m = Json.MAPPER.convertValue(d, LinkedHashMap.class);
    m.remove("overlay");
    m.put("stance", stance(d, true));
    m.put("entities", entities(d));
    marks(m, d);
    return m;
  }

  /** The stance list of a list item: no evidence. */
  static List<Map<String, Object>> stance(ArticleDocument d, boolean evidence) {
    Overlay o = d.overlay();
    List<Map<String, Object>> out = new ArrayList<>();
    for (StanceRef s : d.stance()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("target", s.target());
      m.put("label", s.label());
      m.put("score", s.score());
      if (evidence) {
        m.put("evidence", s.evidence());
      }
      if (o != null && o.corrects("stance:" + s.target())) {
        m.put("corrected", true);
        m.put(
            "machine",
            o.machine().stance().stream()
                .filter(x -> x.target().equals(s.target()))
                .findFirst()
                .map(x -> machineStance(x, evidence))
                .orElse(null));
      }
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> machineStance(StanceRef s, boolean evidence) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", s.label());
    m.put("score", s.score());
    if (evidence) {
      m.put("evidence", s.evidence());
    }
    return m;
  }

  static List<Map<String, Object>> entities(ArticleDocument d) {
    Overlay o = d.overlay();
    List<Map<String, Object>> out = new ArrayList<>();
    for (EntityRef e : d.entities()) {
      Map<String, Object> m = entity(e);
      if (o != null && o.corrects("entity:" + e.id())) {
        m.put("corrected", true);
        m.put("machine", machineEntity(o.machine(), e.id()));
      }
      out.add(m);
    }
    return out;
  }

  /** What only a corrected article has: the top-level mark, removed entities, story, relevance. */
  static void marks(Map<String, Object> m, ArticleDocument d) {
    Overlay o = d.overlay();
    m.put("corrected", o != null);
    if (o == null) {
      return;
    }
    List<Map<String, Object>> removed = new ArrayList<>();
    for (EntityRef e : o.machine().entities()) {
      if (o.corrects("entity:" + e.id())
          && d.entities().stream().noneMatch(x -> x.id().equals(e.id()))) {
        Map<String, Object> r = entity(e);
        r.put("corrected", true);
        removed.add(r);
      }
    }
    if (!removed.isEmpty()) {
      m.put("removedEntities", removed);
    }
    if (o.corrects("story")) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("id", d.storyId());
      s.put("sources", d.storySources());
      s.put("corrected", true);
      s.put(
          "machine",
          Map.of("id", nz(o.machine().storyId()), "sources", o.machine().storySources()));
      m.put("story", s);
    }
    if (o.corrects("relevant")) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("value", !d.offTopic());
      r.put("corrected", true);
      r.put("machine", Map.of("value", true, "score", d.relevance()));
      m.put("relevant", r);
    }
  }

  private static Map<String, Object> entity(EntityRef e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("name", e.name());
    m.put("type", e.type());
    m.put("mentions", e.mentions());
    m.put("linked", e.linked());
    return m;
  }

  private static Map<String, Object> machineEntity(Machine machine, String id) {
    return machine.entities().stream()
        .filter(x -> x.id().equals(id))
        .findFirst()
        .map(ArticleView::entity)
        .orElse(null);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
