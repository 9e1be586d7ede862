package io.vigia.enrich.figures;

import io.vigia.schemas.FigureSubjects;
import java.util.regex.Pattern;

/** What a figure is about: the id its {@code subject} carries and a readable name. */
record Subject(String id, String name) {
  private static final Pattern NOT_A_SLUG = Pattern.compile("[^a-z0-9]+");

  /**
   * A candidate's or party's subject: the knowledge base's id, with the name after it where the id
   * names nobody ({@code Q57413/nicolas-maduro}, {@link FigureSubjects}).
   */
  static Subject ofActor(String id, String name) {
    String slug =
        NOT_A_SLUG.matcher(FoldedText.fold(name)).replaceAll("-").replaceAll("^-+|-+$", "");
    return new Subject(FigureSubjects.of(id, slug), name);
  }
}
