package io.vigia.enrich.analysis;

import io.vigia.schemas.Entity;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Stance;
import java.util.List;

/** Where an article stands toward each target of the watch profile, with evidence. Thread-safe. */
public interface StanceScorer {
  List<Stance> score(RawArticle article, List<Entity> entities);
}
