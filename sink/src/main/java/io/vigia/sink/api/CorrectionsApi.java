package io.vigia.sink.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.http.ApiKeys;
import io.vigia.common.http.HttpApi;
import io.vigia.common.http.HttpError;
import io.vigia.common.http.Json;
import io.vigia.common.http.Request;
import io.vigia.common.http.Response;
import io.vigia.schemas.Correction;
import io.vigia.schemas.EntityAction;
import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;
import io.vigia.sink.corrections.CorrectionLog;
import io.vigia.sink.corrections.CorrectionRequest;
import io.vigia.sink.index.ArticleIndex;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Analysts' corrections of an article ({@code docs/corrections.md}):
 *
 * <ul>
 *   <li>{@code POST /api/articles/{id}/corrections}: one correction ({@link CorrectionRequest});
 *       answers once the article's searches, facets and stats show it, with the corrected article
 *   <li>{@code GET /api/articles/{id}/corrections}: the corrections in force
 *   <li>{@code DELETE /api/articles/{id}/corrections/{field}}: takes one back (field as listed:
 *       {@code stance:TARGET}, {@code relevant}, {@code entity:ID} URL-encoded, {@code story})
 * </ul>
 *
 * Writes need the API key when one is set (the HTTP server checks it); the correction records the
 * key's name as its author, or {@code anonymous}.
 */
public final class CorrectionsApi {
  /** How long a write waits for its correction to show before answering anyway. */
  static final Duration VISIBLE_WAIT = Duration.ofSeconds(10);

  private final ArticleIndex index;
  private final CorrectionLog log;
  private final ApiKeys keys;
  private final Set<String> targets;
  private final Clock clock;

  /**
   * @param targets the stance targets of the watch profile (a stance correction names one of them
   *     or one the article already has); empty: any target name
   */
  public CorrectionsApi(ArticleIndex index, CorrectionLog log, ApiKeys keys, Set<String> targets) {
    this(index, log, keys, targets, Clock.systemUTC());
  }

  CorrectionsApi(
      ArticleIndex index, CorrectionLog log, ApiKeys keys, Set<String> targets, Clock clock) {
    this.index = index;
    this.log = log;
    this.keys = keys;
    this.targets = Set.copyOf(targets);
    this.clock = clock;
  }

  public void register(HttpApi http) {
    http.route("POST", "/api/articles/{id}/corrections", this::post);
    http.route("GET", "/api/articles/{id}/corrections", this::list);
    http.route("DELETE", "/api/articles/{id}/corrections/{field}", this::delete);
  }

  Response post(Request r) {
    String id = r.pathParam("id");
    ArticleDocument doc = article(id);
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw HttpError.badRequest("the body is not JSON: " + e.getMessage().split("\n")[0]);
    }
    Correction c;
    try {
      c = CorrectionRequest.parse(body, id, keys.author(r), clock.instant());
      checkAgainst(doc, c);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(e.getMessage());
    }
    CorrectionLog.Written w = log.write(c, VISIBLE_WAIT);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("correction", view(c));
    out.put("visible", w.visible());
    index.get(id).ifPresent(d -> out.put("article", ArticleView.full(d)));
    return Response.json(201, out);
  }

  /** What only the article can tell: a known target, an entity it has, a story that exists. */
  private void checkAgainst(ArticleDocument doc, Correction c) {
    if (c.getStance() != null) {
      String target = c.getStance().getTarget();
      boolean known =
          targets.isEmpty()
              || targets.contains(target)
              || doc.machineJudgement().stance().stream().anyMatch(s -> s.target().equals(target));
      if (!known) {
        throw new IllegalArgumentException(
            "'stance.target' '"
                + target
                + "' is not a target of the watch profile; known: "
                + String.join(", ", targets.stream().sorted().toList()));
      }
    }
    if (c.getEntity() != null && c.getEntity().getAction() == EntityAction.REMOVE) {
      String e = c.getEntity().getId();
      boolean has =
          doc.entities().stream().anyMatch(x -> x.id().equals(e))
              || doc.machineJudgement().entities().stream().anyMatch(x -> x.id().equals(e));
      if (!has) {
        throw new IllegalArgumentException("the article has no entity '" + e + "' to remove");
      }
    }
    if (c.getStory() != null && c.getStory().getJoin() != null) {
      String story = c.getStory().getJoin();
      SearchQuery q =
          SearchQuery.story(story, SearchQuery.Relevance.ANY, 0, 0, SearchQuery.Sort.NEWEST);
      if (index.search(q).total() == 0) {
        throw new IllegalArgumentException(
            "no story '" + story + "' to join (a story id is an article's dedup.story)");
      }
    }
  }

  Response list(Request r) {
    String id = r.pathParam("id");
    List<Correction> cs = log.of(id);
    if (cs.isEmpty() && index.get(id).isEmpty()) {
      throw HttpError.notFound("no article " + id);
    }
    return Response.json(Map.of("corrections", cs.stream().map(CorrectionsApi::view).toList()));
  }

  Response delete(Request r) {
    String id = r.pathParam("id");
    String field = r.pathParam("field");
    if (log.of(id).stream().noneMatch(c -> c.getField().equals(field))) {
      throw HttpError.notFound(
          "article "
              + id
              + " has no correction of '"
              + field
              + "'; GET /api/articles/"
              + id
              + "/corrections lists them");
    }
    boolean visible = log.retract(id, field, VISIBLE_WAIT);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("deleted", field);
    out.put("visible", visible);
    index.get(id).ifPresent(d -> out.put("article", ArticleView.full(d)));
    return Response.json(out);
  }

  /** A correction as the API shows it: its field, what it says, note, who and when. */
  static Map<String, Object> view(Correction c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("articleId", c.getArticleId());
    m.put("field", c.getField());
    if (c.getStance() != null) {
      m.put(
          "stance", Map.of("target", c.getStance().getTarget(), "label", c.getStance().getLabel()));
    }
    if (c.getRelevant() != null) {
      m.put("relevant", c.getRelevant());
    }
    if (c.getEntity() != null) {
      var e = c.getEntity();
      if (e.getAction() == EntityAction.REMOVE) {
        m.put("entity", Map.of("remove", e.getId()));
      } else {
        Map<String, Object> add = new LinkedHashMap<>();
        add.put("id", e.getId());
        add.put("name", e.getName());
        add.put("type", e.getType());
        m.put(
            "entity", Map.of("add", add, "mention", e.getMention() == null ? "" : e.getMention()));
      }
    }
    if (c.getStory() != null) {
      m.put(
          "story",
          c.getStory().getDetach()
              ? Map.of("detach", true)
              : Map.of("join", c.getStory().getJoin()));
    }
    m.put("note", c.getNote());
    m.put("by", c.getBy());
    m.put("at", c.getAt());
    return m;
  }

  private ArticleDocument article(String id) {
    return index.get(id).orElseThrow(() -> HttpError.notFound("no article " + id));
  }
}
