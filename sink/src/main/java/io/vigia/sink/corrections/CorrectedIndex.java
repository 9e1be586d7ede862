package io.vigia.sink.corrections;

import io.vigia.search.ArticleDocument;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.ForwardingArticleIndex;
import io.vigia.sink.index.IndexUnavailableException;
import io.vigia.sink.index.WriteOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An index whose documents carry the corrections in force: every document written gets them
 * overlaid ({@link CorrectionOverlay}), so a newly enriched version of a corrected article is
 * corrected too, and {@link #reapply} rewrites the indexed documents of articles whose corrections
 * changed. Whatever backend it wraps, searches, facets and stats then read corrected values.
 *
 * <p>Writes are serialised: a re-application reads a document and writes it back, and must not
 * overwrite a newer version the sink wrote in between.
 */
public final class CorrectedIndex extends ForwardingArticleIndex {
  private final CorrectionSet corrections;
  private final Object writes = new Object();

  public CorrectedIndex(ArticleIndex index, CorrectionSet corrections) {
    super(index);
    this.corrections = java.util.Objects.requireNonNull(corrections, "corrections");
  }

  @Override
  public WriteOutcome write(List<ArticleDocument> documents) throws IndexUnavailableException {
    List<ArticleDocument> corrected = new ArrayList<>(documents.size());
    synchronized (writes) {
      for (ArticleDocument d : documents) {
        corrected.add(CorrectionOverlay.apply(d, corrections.of(d.id())));
      }
      return delegate().write(corrected);
    }
  }

  /**
   * Overlays the current corrections again on the indexed documents of {@code articleIds} (those
   * not indexed yet get them when they are), writing only the documents that change.
   *
   * @return the number of documents rewritten
   */
  public int reapply(Collection<String> articleIds) throws IndexUnavailableException {
    synchronized (writes) {
      List<ArticleDocument> changed = new ArrayList<>();
      for (String id : articleIds) {
        Optional<ArticleDocument> indexed = delegate().get(id);
        if (indexed.isPresent()) {
          ArticleDocument now = CorrectionOverlay.apply(indexed.get(), corrections.of(id));
          if (!now.equals(indexed.get())) {
            changed.add(now);
          }
        }
      }
      if (!changed.isEmpty()) {
        WriteOutcome out = delegate().write(changed);
        if (!out.rejected().isEmpty()) {
          throw new IndexUnavailableException(
              "the index rejected corrected documents: " + out.rejected(), null);
        }
      }
      return changed.size();
    }
  }

  /** The corrections in force, as this index overlays them. */
  public CorrectionSet corrections() {
    return corrections;
  }

  /** The index this one writes to. */
  public ArticleIndex backend() {
    return delegate();
  }
}
