package io.vigia.sink.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;

/**
 * What analysts' corrections add to the OpenSearch documents and queries. Corrected stance,
 * entities and story are written in the usual fields (the sink overlays them before it writes), so
 * only the off-topic mark needs a field of its own: {@code off_topic}, true on the documents an
 * analyst marked off topic and absent elsewhere, so documents written before it count as relevant.
 */
final class OpenSearchCorrections {
  static final String OFF_TOPIC = "off_topic";

  private OpenSearchCorrections() {}

  /** Adds the off-topic mark to the indexed form of {@code d}. */
  static void addFields(ObjectNode source, ArticleDocument d) {
    if (d.offTopic()) {
      source.put(OFF_TOPIC, true);
    }
  }

  /** Adds the query's relevance condition to {@code bool} (a bool query's body). */
  static void addRelevance(ObjectNode bool, SearchQuery q) {
    switch (q.relevance()) {
      case RELEVANT ->
          bool.withArray("must_not").addObject().putObject("term").put(OFF_TOPIC, true);
      case OFF_TOPIC -> bool.withArray("filter").addObject().putObject("term").put(OFF_TOPIC, true);
      case ANY -> {}
    }
  }
}
