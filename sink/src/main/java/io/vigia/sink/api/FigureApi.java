package io.vigia.sink.api;

import io.vigia.common.http.HttpApi;
import io.vigia.common.http.HttpError;
import io.vigia.common.http.Request;
import io.vigia.common.http.Response;
import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;
import io.vigia.sink.figures.FigureListing;
import io.vigia.sink.figures.FigureQuery;
import io.vigia.sink.figures.FigureTable;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.StorySummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A story with its figures, and figures across stories, read from the index (reads, open like the
 * other read endpoints).
 *
 * <ul>
 *   <li>{@code GET /api/stories/{id}}: the story (as {@code /api/stories} lists it), its articles
 *       (as {@code /api/articles} lists them), its figures by quantity, subject and election with
 *       the articles, outlets and attributions of each value, its conflicts marked
 *   <li>{@code GET /api/figures?quantity=&subject=&election=&conflicting=&since=&size=}: figures
 *       across stories
 * </ul>
 */
public final class FigureApi {
  private final ArticleIndex index;
  private final FigureListing figures;

  public FigureApi(ArticleIndex index) {
    this.index = index;
    this.figures = new FigureListing(index);
  }

  public void register(HttpApi http) {
    http.route("GET", "/api/stories/{id}", this::story);
    http.route("GET", "/api/figures", this::figures);
  }

  Response story(Request r) {
    String id = r.pathParam("id");
    List<StorySummary> found =
        index.stories(
            SearchQuery.story(id, SearchQuery.Relevance.RELEVANT, 0, 0, SearchQuery.Sort.NEWEST),
            1);
    if (found.isEmpty()) {
      throw HttpError.notFound(
          "no story " + id + " in the index; GET /api/stories lists the stories there are");
    }
    List<ArticleDocument> articles = figures.storyArticles(id);
    FigureTable table = FigureTable.of(articles);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("story", found.get(0));
    body.put("articles", articles.stream().map(SearchApi::summary).toList());
    body.put("figures", table.groups());
    body.put("figureConflicts", table.conflicts());
    return Response.json(body);
  }

  Response figures(Request r) {
    FigureQuery q;
    try {
      q = FigureQuery.parse(r.query());
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(e.getMessage());
    }
    List<FigureListing.Row> rows = figures.list(q);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", rows.size());
    body.put("figures", rows);
    return Response.json(body);
  }
}
