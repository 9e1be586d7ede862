package io.vigia.enrich.figures;

import io.vigia.enrich.dedup.DedupEngine;
import io.vigia.enrich.dedup.DedupStore;
import io.vigia.schemas.Figure;
import io.vigia.schemas.FigureConflict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The claims about each election's results, whatever story each article landed in, and the
 * conflicts among them. Dedup's stories are single events within hours, but the coverage of one
 * election runs for weeks (the first bulletin, the opposition's own count two days later, a foreign
 * paper's analysis a week after): an analyst asking which sources disagree on a turnout means all
 * of them, not the ones that happened to be written the same afternoon.
 *
 * <p>One entry per election, quantity and subject ({@code v|<election>|<quantity>|<subject>}) in
 * dedup's own changelogged store, in the story table's format ({@link StoryFigureTable#FORMAT}).
 * Keyed that finely because conflicts are only ever sought within one quantity about one subject of
 * one election, so an entry holds exactly the claims that can disagree, and its bound is its own:
 * the vote shares of thirty minor candidates never push an election's turnout claims out. Bounded
 * like the story table: an entry keeps its {@link #MAX_CLAIMS} most recent claims by article time,
 * and is forgotten through dedup's eviction index once no claim joined it for {@code
 * enrich.dedup.retention} of article time.
 *
 * <p>An option of the profile ({@code conflicts: {across-stories: true}} in figures.yaml), off in
 * the bundled one: when off, this table is never built and nothing of it is stored.
 *
 * <p>Only claims that name a known election, are of a {@link #SETTLED} quantity and are attributed
 * to a named source are kept ({@link #kept}).
 */
public final class ElectionFigureTable {
  /**
   * Claims kept per entry at most, the most recent: some weeks of a busy election's coverage of one
   * figure (a few outlets a day restating the turnout), a few kB per entry.
   */
  public static final int MAX_CLAIMS = 64;

  /**
   * Quantities that are the result of a vote, fixed once the vote is counted: two values stated on
   * two dates by two voices disagree, whenever each was written. Running counts (detained, killed)
   * change from one day to the next, and so does the share of tally sheets collected while they are
   * being collected: two dates are two moments, not a conflict, so those stay per story, where the
   * claims are hours apart.
   */
  static final Set<String> SETTLED =
      Set.of(
          "turnout",
          "vote-share",
          "votes",
          "registered-voters",
          "governorships-won",
          "mayoralties-won",
          "seats-won",
          "states-won-by-votes",
          "polling-stations",
          "candidates");

  private final DedupStore store;

  public ElectionFigureTable(DedupStore store) {
    this.store = Objects.requireNonNull(store);
  }

  /**
   * Adds the article's claims of settled quantities about a known election to their entries
   * (replacing what an earlier version of the same article stated there) and returns the conflicts
   * of the entries its claims are in, this article included.
   */
  public List<FigureConflict> record(
      String articleId, String source, long time, List<Figure> figures) {
    Map<String, List<StoredClaim>> mine = new LinkedHashMap<>();
    for (Figure f : figures) {
      if (kept(f)) {
        mine.computeIfAbsent(key(f), k -> new ArrayList<>())
            .add(StoredClaim.of(f, articleId, source, time));
      }
    }
    List<FigureConflict> out = new ArrayList<>();
    for (Map.Entry<String, List<StoredClaim>> e : mine.entrySet()) {
      out.addAll(FigureConflicts.of(add(e.getKey(), articleId, time, e.getValue())));
    }
    return out;
  }

  /**
   * Whether a claim is compared across the election: a known election, a settled quantity, and a
   * named source. An outlet's figure in its own voice is compared within its story only (hours
   * apart, where the story table's rules read it): across days it is most often the official count
   * of the moment the outlet wrote, and the count moves while it is counted (a first bulletin with
   * part of the tally sheets, the final one days later), so two outlets' own figures days apart are
   * two moments of one count, not two sources that disagree. Across days, a disagreement is between
   * named sources: the council's count and the opposition's tally, a party's claim and the result.
   */
  static boolean kept(Figure f) {
    return f.getElection() != null
        && SETTLED.contains(f.getQuantity())
        && f.getAttributedTo() != null;
  }

  /**
   * What an article shows: its story's conflicts, then the election-wide ones of keys (quantity,
   * subject, election) its story has none of. Where both have a key, the story's stands: it is the
   * one the story's other articles carry too.
   */
  public static List<FigureConflict> union(
      List<FigureConflict> story, List<FigureConflict> election) {
    if (election.isEmpty()) {
      return story;
    }
    Set<String> keys = new LinkedHashSet<>();
    List<FigureConflict> out = new ArrayList<>(story);
    story.forEach(c -> keys.add(key(c)));
    for (FigureConflict c : election) {
      if (keys.add(key(c))) {
        out.add(c);
      }
    }
    return out;
  }

  /** The claims of one entry, for tests and tools. */
  List<StoredClaim> claims(String election, String quantity, String subject) {
    byte[] b = store.get(key(election, quantity, subject));
    return b == null ? List.of() : StoryFigureTable.decode(b).claims();
  }

  private List<StoredClaim> add(String key, String articleId, long time, List<StoredClaim> added) {
    byte[] old = store.get(key);
    long last = time;
    List<StoredClaim> claims = new ArrayList<>();
    if (old != null) {
      StoryFigureTable.Table t = StoryFigureTable.decode(old);
      last = Math.max(time, t.last());
      t.claims().stream().filter(c -> !c.articleId().equals(articleId)).forEach(claims::add);
      store.delete(DedupEngine.evictionKey(t.last(), key));
    }
    claims.addAll(added);
    if (claims.size() > MAX_CLAIMS) {
      claims.sort(Comparator.comparingLong(StoredClaim::time));
      claims = new ArrayList<>(claims.subList(claims.size() - MAX_CLAIMS, claims.size()));
    }
    store.put(key, StoryFigureTable.encode(last, claims));
    store.put(DedupEngine.evictionKey(last, key), new byte[0]);
    return claims;
  }

  private static String key(Figure f) {
    return key(f.getElection(), f.getQuantity(), f.getSubject());
  }

  static String key(String election, String quantity, String subject) {
    return "v|" + election + "|" + quantity + "|" + subject;
  }

  private static String key(FigureConflict c) {
    return c.getQuantity() + "\u0000" + c.getSubject() + "\u0000" + c.getElection();
  }
}
