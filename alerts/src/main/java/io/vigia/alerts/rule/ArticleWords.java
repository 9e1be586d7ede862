package io.vigia.alerts.rule;

import io.vigia.schemas.EnrichedArticle;
import java.util.List;

/** An article's title and text split into folded words on first use, once for all the rules checked against it. */
public final class ArticleWords {
  private final EnrichedArticle article;
  private List<String> title;
  private List<String> text;

  public ArticleWords(EnrichedArticle article) {
    this.article = article;
  }

  List<String> title() {
    if (title == null) {
      title = KeywordQuery.words(article.getArticle().getTitle());
    }
    return title;
  }

  List<String> text() {
    if (text == null) {
      text = KeywordQuery.words(article.getArticle().getText());
    }
    return text;
  }
}
