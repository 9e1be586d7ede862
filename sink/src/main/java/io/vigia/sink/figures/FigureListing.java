package io.vigia.sink.figures;

import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.SearchResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures read from the index: a story's table ({@link FigureTable}) and figures across stories.
 * Nothing is enriched again: every article carries its figures and its story's conflicts.
 */
public final class FigureListing {
  /** The most articles of one story read for its table. */
  static final int MAX_STORY_ARTICLES = 2000;

  /** The most stories one listing reads. */
  static final int MAX_STORIES = 200;

  private static final int PAGE = SearchQuery.MAX_SIZE;

  private final ArticleIndex index;

  public FigureListing(ArticleIndex index) {
    this.index = index;
  }

  /**
   * One figure across stories: a value of a quantity about a subject in an election (null: none
   * known), in one story.
   */
  public record Row(
      String storyId,
      String quantity,
      String subject,
      String subjectName,
      String election,
      double value,
      Double total,
      Double max,
      boolean approximate,
      boolean conflicting,
      List<FigureTable.Source> sources) {
    public Row {
      sources = List.copyOf(sources);
    }
  }

  /**
   * The articles of a story now (an analyst's detach or join already applied), not those marked off
   * topic, copies included, oldest first.
   */
  public List<ArticleDocument> storyArticles(String storyId) {
    List<ArticleDocument> out = new ArrayList<>();
    for (int from = 0; from < MAX_STORY_ARTICLES; from += PAGE) {
      SearchQuery q =
          SearchQuery.story(
              storyId, SearchQuery.Relevance.RELEVANT, from, PAGE, SearchQuery.Sort.OLDEST);
      SearchResult page = index.search(q);
      out.addAll(page.articles());
      if (page.articles().size() < PAGE || out.size() >= page.total()) {
        break;
      }
    }
    return out;
  }

  /** The figure table of a story. */
  public FigureTable table(String storyId) {
    return FigureTable.of(storyArticles(storyId));
  }

  /** Figures across stories, the story most recently stating one first. */
  public List<Row> list(FigureQuery query) {
    List<Row> rows = new ArrayList<>();
    for (String story : index.storiesWithFigures(query.filter(), MAX_STORIES)) {
      for (FigureTable.Group g : table(story).groups()) {
        for (FigureTable.Value v : g.values()) {
          if (!query.selects(g, v)) {
            continue;
          }
          List<FigureTable.Source> sources = v.sources().stream().filter(query::selects).toList();
          if (sources.isEmpty()) {
            continue;
          }
          rows.add(
              new Row(
                  story,
                  g.quantity(),
                  g.subject(),
                  g.subjectName(),
                  g.election(),
                  v.value(),
                  v.total(),
                  v.max(),
                  v.approximate(),
                  v.conflicting(),
                  sources));
          if (rows.size() >= query.size()) {
            return rows;
          }
        }
      }
    }
    return rows;
  }
}
