package io.vigia.enrich.analysis;

import io.vigia.schemas.Entity;
import io.vigia.schemas.Figure;
import io.vigia.schemas.RawArticle;
import java.util.List;

/** Finds the figures an article states (turnout, vote shares, detainees...), in text order. */
public interface FigureExtractor {
  /** One that finds nothing: for profiles without a figures vocabulary. */
  FigureExtractor NONE = (article, entities) -> List.of();

  List<Figure> extract(RawArticle article, List<Entity> entities);
}
