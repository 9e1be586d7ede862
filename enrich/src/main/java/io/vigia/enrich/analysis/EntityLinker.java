package io.vigia.enrich.analysis;

import io.vigia.schemas.Entity;
import java.util.List;

/**
 * Finds who and what an article is about. Must be fast and thread-safe: one instance serves every
 * thread.
 */
public interface EntityLinker {
  List<Entity> link(String title, String text, String language);
}
