package io.vigia.enrich.relevance;

import io.vigia.enrich.analysis.RelevanceScorer;
import io.vigia.enrich.text.TermMatcher;
import io.vigia.enrich.text.Tokens;
import io.vigia.schemas.Entity;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Relevance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores an article against the profile's relevance rules: a place anchor and a political anchor
 * must both be present, discounted by how much of the article is about other places or
 * non-political subjects. Returns the score, the decision and the reasons (the strongest terms and
 * entities of each group), so an analyst can see why an article was kept or set aside.
 */
public final class ProfileRelevanceScorer implements RelevanceScorer {
  private static final int VENEZUELA = 0;
  private static final int POLITICS = 1;
  private static final int ELSEWHERE = 2;
  private static final int OFFTOPIC = 3;
  private static final String[] GROUP_NAMES = {"venezuela", "politics", "elsewhere", "off-topic"};

  /**
   * @param body a place term that names one of the country's bodies, parties, places or officials
   *     rather than the country itself
   */
  private record Term(int group, String term, double weight, boolean body) {}

  private final RelevanceRules rules;
  private final TermMatcher<Term> terms = new TermMatcher<>();
  private final Map<String, Term> entityWeights = new HashMap<>();

  public ProfileRelevanceScorer(RelevanceRules rules) {
    this.rules = rules;
    RelevanceRules.Group[] groups = {
      rules.venezuela(), rules.politics(), rules.elsewhere(), rules.offtopic()
    };
    for (int g = 0; g < groups.length; g++) {
      int group = g;
      groups[g]
          .terms()
          .forEach(
              (term, w) ->
                  terms.add(
                      term,
                      new Term(
                          group,
                          term,
                          w,
                          group == VENEZUELA && !rules.countryNames().contains(term))));
      groups[g].entities().forEach((id, w) -> entityWeights.put(id, new Term(group, id, w, true)));
    }
  }

  @Override
  public Relevance score(RawArticle article, List<Entity> entities) {
    if (rules.isEmpty()) {
      return new Relevance(
          true, 1.0, List.of("the profile has no relevance rules: everything is relevant"));
    }
    double[] sum = new double[4];
    Map<String, double[]> hits = new HashMap<>(); // "group:term" -> weight total
    Tokens title = Tokens.of(article.getTitle());
    Tokens text = Tokens.of(article.getText());
    Venezuelan inTitle = count(title, 2.0, sum, hits, null);
    boolean inHeadline = inTitle.named();
    java.util.List<Integer> venezuelanAt = new ArrayList<>();
    Venezuelan inText = count(text, 1.0, sum, hits, venezuelanAt);
    for (Entity e : entities) {
      Term t = entityWeights.get(e.getId());
      if (t != null && e.getLinked()) {
        double w = t.weight() * Math.min(3, e.getMentions());
        sum[t.group()] += w;
        hits.computeIfAbsent(GROUP_NAMES[t.group()] + ": " + e.getName(), k -> new double[1])[0] +=
            w;
      }
    }
    double place = 1 - Math.exp(-sum[VENEZUELA] / 3);
    double politics = 1 - Math.exp(-sum[POLITICS] / 4);
    double elsewhereShare = sum[ELSEWHERE] / (sum[ELSEWHERE] + sum[VENEZUELA] + 1);
    double offShare = sum[OFFTOPIC] / (sum[OFFTOPIC] + sum[POLITICS] + 1);
    java.util.Set<String> anchors = anchorNames(entities);
    // It can be about somewhere else when it names another country, or when nothing Venezuelan
    // but the country's name is in it (no anchor person, and no body, party, city or state of the
    // country: a dateline abroad, one line). A piece that names the PSUV, the TSJ or Maracaibo and
    // no other country is about Venezuela even if the word "Venezuela" is rare in it.
    Aboutness about =
        Aboutness.of(
            text,
            inHeadline,
            venezuelanAt,
            anchors,
            sum[ELSEWHERE] > 0 || (anchors.isEmpty() && !inTitle.body() && !inText.body()));
    double score = place * politics * (1 - elsewhereShare) * (1 - 0.7 * offShare) * about.factor();
    boolean relevant = score >= rules.threshold();
    List<String> reasons = reasons(hits, score, relevant);
    reasons.add(1, about.reason());
    return new Relevance(relevant, Math.round(score * 1000) / 1000.0, reasons);
  }

  /** The folded last words of the linked entities that anchor an article in Venezuela. */
  private java.util.Set<String> anchorNames(List<Entity> entities) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (Entity e : entities) {
      Term t = entityWeights.get(e.getId());
      if (t != null && t.group() == VENEZUELA && e.getLinked()) {
        out.add(Tokens.fold(lastWord(e.getName())));
      }
    }
    return out;
  }

  /** The last whitespace-separated word of {@code name} (a regex split per entity cost more). */
  static String lastWord(String name) {
    int end = name.length();
    while (end > 0 && Character.isWhitespace(name.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && !Character.isWhitespace(name.charAt(start - 1))) {
      start--;
    }
    return name.substring(start, end);
  }

  /**
   * What a text said of Venezuela: whether it named a Venezuelan term at all, and whether one of
   * them names a body, party, place or official of the country rather than the country itself.
   */
  private record Venezuelan(boolean named, boolean body) {}

  /**
   * Counts the terms of {@code t} and says which Venezuelan ones were among them (their character
   * offsets go to {@code venezuelanAt} when given).
   */
  private Venezuelan count(
      Tokens t,
      double factor,
      double[] sum,
      Map<String, double[]> hits,
      List<Integer> venezuelanAt) {
    boolean venezuelan = false;
    boolean body = false;
    for (TermMatcher.Hit<Term> h : terms.findAll(t)) {
      add(h.value(), factor, sum, hits);
      if (h.value().group() == VENEZUELA) {
        venezuelan = true;
        body |= h.value().body();
        if (venezuelanAt != null) {
          venezuelanAt.add(t.start(h.from()));
        }
      }
    }
    return new Venezuelan(venezuelan, body);
  }

  private static void add(Term term, double factor, double[] sum, Map<String, double[]> hits) {
    double w = term.weight() * factor;
    sum[term.group()] += w;
    hits.computeIfAbsent(GROUP_NAMES[term.group()] + ": " + term.term(), k -> new double[1])[0] +=
        w;
  }

  private static List<String> reasons(Map<String, double[]> hits, double score, boolean relevant) {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "%s (score %.2f)",
            relevant ? "about the watched topic" : "not about the watched topic",
            score));
    hits.entrySet().stream()
        .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0]))
        .limit(8)
        .forEach(
            e -> out.add(String.format(Locale.ROOT, "%s (%.0f)", e.getKey(), e.getValue()[0])));
    if (hits.keySet().stream().noneMatch(k -> k.startsWith("venezuela:"))) {
      out.add("no Venezuelan anchor");
    }
    if (hits.keySet().stream().noneMatch(k -> k.startsWith("politics:"))) {
      out.add("no political or electoral anchor");
    }
    return out;
  }
}
