package io.vigia.sink.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.http.Json;
import io.vigia.common.text.TextNormalizer;
import io.vigia.search.ArticleDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * An article's indexed form, both ways: search fields at the top (as {@code index-template.json}
 * maps them), the whole document under {@code doc} (stored, not indexed), which is what reading
 * returns.
 */
final class IndexedArticle {
  private IndexedArticle() {}

  /** The {@code _source} written for a document. */
  static ObjectNode toSource(ArticleDocument d) {
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.set("doc", Json.MAPPER.valueToTree(d));
    s.put("title", d.title());
    s.put("text", d.text());
    String lang = d.language() == null ? "" : d.language();
    if (lang.equals("es") || lang.equals("en")) {
      s.put("title_" + lang, d.title());
      s.put("text_" + lang, d.text());
    }
    s.put("language", d.language());
    s.put("source", d.source());
    s.put("story", d.storyId());
    s.put("dedup", d.dedupStatus());
    s.put("story_sources", d.storySources());
    Instant t = d.effectiveTime();
    if (t != null) {
      s.put("time", t.toString());
      s.put("published_day", d.publishedDay());
    }
    ArrayNode entities = s.putArray("entity");
    ArrayNode linked = s.putArray("entity_key");
    ArrayNode names = s.putArray("entity_name");
    for (ArticleDocument.EntityRef e : d.entities()) {
      entities.add(e.id());
      names.add(TextNormalizer.fold(e.name()));
      if (e.linked()) {
        linked.add(e.id() + "\t" + e.name() + "\t" + e.type());
      }
    }
    ArrayNode stance = s.putArray("stance");
    for (ArticleDocument.StanceRef r : d.stance()) {
      stance.add(r.target() + ":" + r.label());
    }
    ArrayNode figures = s.putArray("figure");
    ArrayNode quantities = s.putArray("figure_quantity");
    ArrayNode subjects = s.putArray("figure_subject");
    ArrayNode elections = s.putArray("figure_election");
    for (ArticleDocument.FigureRef f : d.figures()) {
      figures.add(f.quantity() + "\t" + f.subject());
      quantities.add(f.quantity());
      subjects.add(f.subject());
      if (f.election() != null) {
        elections.add(f.election());
      }
    }
    OpenSearchCorrections.addFields(s, d);
    return s;
  }

  /** The document a {@code _source} holds. */
  static ArticleDocument fromSource(JsonNode source) {
    try {
      return Json.MAPPER.treeToValue(source.path("doc"), ArticleDocument.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
