package io.vigia.enrich.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.text.TextNormalizer;
import io.vigia.common.url.CanonicalUrl;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.dedup.DedupDecision;
import io.vigia.enrich.dedup.DedupEngine;
import io.vigia.enrich.dedup.DedupInput;
import io.vigia.enrich.dedup.DedupSettings;
import io.vigia.enrich.dedup.MemoryDedupStore;
import io.vigia.enrich.figures.ElectionFigureTable;
import io.vigia.enrich.figures.StoryFigureTable;
import io.vigia.enrich.topology.ArticleEnricher;
import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import io.vigia.schemas.Evidence;
import io.vigia.schemas.FigureConflict;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Stance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * {@code vigia enrich --input FILE}: JSON lines of articles in, one JSON line of verdicts out per
 * article, in order. Runs the topology's own steps (the {@link ArticleEnricher}, the relevance
 * split, the {@link DedupEngine}) on fresh in-memory state, so a file is judged exactly as the
 * stream would judge it.
 *
 * <p>Input: {@code {"id","url","title","text","language"?,"publishedAt"?}}. Output: {@code
 * {"id","profileVersion","enrichmentVersion","dedup":{"status","duplicateOf","story","sources","update","reason","similarity"},
 * "entities":[...],"stance":[...],"figures":[...],"figureConflicts":[...],"relevance":{...}}}. An
 * update (a newer version from the same source) prints as {@code "status":"duplicate"} with {@code
 * "update":true}.
 */
public final class JsonLinesEnrichment {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ArticleEnricher enricher;
  private final DedupEngine dedup;
  private final StoryFigureTable figures;
  private final ElectionFigureTable elections; // null when the profile keeps conflicts per story
  private long clock;

  public JsonLinesEnrichment(ArticleAnalyzer analyzer, String profileName, DedupSettings settings) {
    this(analyzer, profileName, 0, settings);
  }

  /** With the version of the profile that judges, printed on every line. */
  public JsonLinesEnrichment(
      ArticleAnalyzer analyzer, String profileName, int profileVersion, DedupSettings settings) {
    this.enricher = new ArticleEnricher(analyzer, profileName, profileVersion);
    MemoryDedupStore state = new MemoryDedupStore();
    this.dedup = new DedupEngine(state, settings);
    this.figures = new StoryFigureTable(state);
    this.elections = enricher.conflictsAcrossStories() ? new ElectionFigureTable(state) : null;
  }

  /** Reads every line, writes one verdict line each; returns how many articles it wrote. */
  public int run(BufferedReader in, Writer out) throws IOException {
    int n = 0;
    int lineNo = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        throw new IllegalArgumentException("line " + lineNo + " is not JSON: " + e.getMessage(), e);
      }
      out.write(JSON.writeValueAsString(enrich(toRaw(node, lineNo))));
      out.write('\n');
      n++;
    }
    out.flush();
    return n;
  }

  /** One article through the same steps as the topology. */
  public ObjectNode enrich(RawArticle raw) {
    EnrichedArticle e = enricher.enrich(raw);
    if (e.getRelevance().getRelevant()) {
      DedupDecision d =
          dedup.decide(DedupInput.of(raw, e.getEntities().stream().map(Entity::getId).toList()));
      e.setDedup(d.toAvro());
      if (!d.replay()) {
        long time = raw.getFetchedAt().toEpochMilli();
        // As the topology's RecordFigures: the story's conflicts, and the election-wide ones
        // when the profile asks for them.
        List<FigureConflict> story =
            figures.record(d.storyId(), raw.getId(), raw.getSource(), time, e.getFigures());
        e.setFigureConflicts(
            elections == null
                ? story
                : ElectionFigureTable.union(
                    story, elections.record(raw.getId(), raw.getSource(), time, e.getFigures())));
      }
    }
    return toJson(e);
  }

  RawArticle toRaw(JsonNode n, int lineNo) {
    String id = required(n, "id", lineNo);
    String url = required(n, "url", lineNo);
    String text = n.path("text").asText("");
    Instant published = null;
    if (n.hasNonNull("publishedAt")) {
      published = parseTime(n.get("publishedAt").asText(), lineNo);
      clock = Math.max(clock, published.toEpochMilli());
    }
    String canonical = CanonicalUrl.normalise(url).orElse(url);
    return RawArticle.newBuilder()
        .setId(id)
        .setUrl(url)
        .setCanonicalUrl(canonical)
        .setSource(DedupInput.sourceOf(canonical, ""))
        .setTitle(n.path("title").asText(""))
        .setText(text)
        .setLanguage(n.hasNonNull("language") ? n.get("language").asText() : null)
        .setPublishedAt(published)
        // Without a date, an article takes the latest time seen so far: it is decided as if it came
        // now.
        .setFetchedAt(published != null ? published : Instant.ofEpochMilli(clock))
        .setContentHash(TextNormalizer.contentHash(text))
        .build();
  }

  private static String required(JsonNode n, String field, int lineNo) {
    if (!n.hasNonNull(field) || n.get(field).asText().isBlank()) {
      throw new IllegalArgumentException("line " + lineNo + " has no \"" + field + "\"");
    }
    return n.get(field).asText();
  }

  private static Instant parseTime(String s, int lineNo) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(
            "line " + lineNo + ": publishedAt \"" + s + "\" is not an ISO-8601 time", e2);
      }
    }
  }

  static ObjectNode toJson(EnrichedArticle e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", e.getArticle().getId());
    o.put("profileVersion", e.getProfileVersion());
    o.put("enrichmentVersion", e.getEnrichmentVersion());
    ObjectNode d = o.putObject("dedup");
    DedupStatus status = e.getDedup().getStatus();
    d.put("status", status == DedupStatus.ORIGINAL ? "original" : "duplicate");
    d.put("duplicateOf", e.getDedup().getDuplicateOf());
    d.put("story", e.getDedup().getStoryId());
    d.put("sources", e.getDedup().getStorySources());
    d.put("update", status == DedupStatus.UPDATE);
    d.put("reason", e.getDedup().getReason());
    d.put("similarity", e.getDedup().getSimilarity());
    ArrayNode entities = o.putArray("entities");
    for (Entity x : e.getEntities()) {
      entities
          .addObject()
          .put("id", x.getId())
          .put("name", x.getName())
          .put("type", x.getType())
          .put("mentions", x.getMentions())
          .put("linked", x.getLinked());
    }
    ArrayNode stance = o.putArray("stance");
    for (Stance s : e.getStance()) {
      ObjectNode so = stance.addObject();
      so.put("target", s.getTarget());
      so.put("label", s.getLabel().name().toLowerCase(Locale.ROOT));
      so.put("score", s.getScore());
      if (s.getConfidence() != null) {
        so.put("confidence", s.getConfidence());
      }
      ArrayNode ev = so.putArray("evidence");
      for (Evidence v : s.getEvidence()) {
        ev.addObject()
            .put("text", v.getText())
            .put("start", v.getStart())
            .put("end", v.getEnd())
            .put("cue", v.getCue())
            .put("weight", v.getWeight())
            .put("attributed", v.getAttributed());
      }
    }
    FigureJson.write(e, o);
    ObjectNode r = o.putObject("relevance");
    r.put("relevant", e.getRelevance().getRelevant());
    r.put("score", e.getRelevance().getScore());
    ArrayNode reasons = r.putArray("reasons");
    e.getRelevance().getReasons().forEach(reasons::add);
    return o;
  }
}
