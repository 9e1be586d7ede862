package io.vigia.enrich.learn;

import io.vigia.schemas.Correction;
import io.vigia.schemas.EntityAction;
import io.vigia.schemas.EntityCorrection;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.StanceCorrection;
import io.vigia.schemas.StoryCorrection;
import java.time.Instant;

/** Corrections and raw articles as the topics hold them. */
final class CorrectionFixtures {
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  private CorrectionFixtures() {}

  static Correction stance(String article, String target, String label) {
    return base(article, "stance:" + target).setStance(new StanceCorrection(target, label)).build();
  }

  static Correction relevant(String article, boolean relevant) {
    return base(article, "relevant").setRelevant(relevant).build();
  }

  static Correction linked(String article, String entity, String mention) {
    return base(article, "entity:" + entity)
        .setEntity(
            EntityCorrection.newBuilder()
                .setId(entity)
                .setAction(EntityAction.ADD)
                .setMention(mention)
                .setName(mention)
                .setType("PERSON")
                .build())
        .build();
  }

  static Correction unlinked(String article, String entity) {
    return base(article, "entity:" + entity)
        .setEntity(
            EntityCorrection.newBuilder().setId(entity).setAction(EntityAction.REMOVE).build())
        .build();
  }

  static Correction detached(String article) {
    return base(article, "story").setStory(new StoryCorrection(true, null)).build();
  }

  static RawArticle article(String id, String title, String text) {
    return RawArticle.newBuilder()
        .setId(id)
        .setUrl("https://wire.example/" + id)
        .setCanonicalUrl("https://wire.example/" + id)
        .setSource("Wire")
        .setTitle(title)
        .setText(text)
        .setLanguage("es")
        .setPublishedAt(Instant.parse("2026-11-30T08:00:00Z"))
        .setFetchedAt(AT)
        .setContentHash("h-" + id)
        .build();
  }

  private static Correction.Builder base(String article, String field) {
    return Correction.newBuilder().setArticleId(article).setField(field).setBy("analyst").setAt(AT);
  }
}
