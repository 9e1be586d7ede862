package io.vigia.enrich.analysis;

import io.vigia.schemas.Entity;
import io.vigia.schemas.Figure;
import io.vigia.schemas.Relevance;
import io.vigia.schemas.Stance;
import java.util.List;

/**
 * Everything learned from one article on its own, without state: entities, relevance, stance and
 * the figures it states.
 */
public record ArticleAnalysis(
    List<Entity> entities, Relevance relevance, List<Stance> stance, List<Figure> figures) {
  public ArticleAnalysis {
    entities = List.copyOf(entities);
    stance = List.copyOf(stance);
    figures = List.copyOf(figures);
  }
}
