package io.vigia.enrich.topology;

import io.vigia.schemas.DeadLetter;
import io.vigia.schemas.RawArticle;

/** A raw record after decoding: an article, or a dead letter saying why it could not be read. */
public sealed interface Decoded {
  record Ok(RawArticle article) implements Decoded {}

  record Bad(DeadLetter letter) implements Decoded {}
}
