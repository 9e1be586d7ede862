package io.vigia.enrich.figures;

import io.vigia.enrich.analysis.FigureExtractor;
import io.vigia.enrich.entities.KnowledgeBase;
import io.vigia.enrich.figures.Actors.Actor;
import io.vigia.enrich.figures.FigureVocabulary.Form;
import io.vigia.enrich.figures.FigureVocabulary.Quantity;
import io.vigia.enrich.figures.QuantityReader.Choice;
import io.vigia.schemas.Entity;
import io.vigia.schemas.Figure;
import io.vigia.schemas.RawArticle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Figures by the profile's vocabulary ({@code figures.yaml}): every number the {@link
 * NumberScanner} reads is given the quantity whose noun follows it ("18 de las 23 gobernaciones")
 * or whose cue its clause holds ("la participación se ubicó en 41,80 %"), the subject the quantity
 * asks for (the election, the context, or the candidate or party the clause names, see {@link
 * SubjectFinder}) and who the article says states it ({@link Speakers}). A number that no quantity
 * claims, or that has no subject, is not a figure.
 *
 * <p>Rules, not a model: each figure names the cue that made it, so a wrong one is explained by the
 * profile's words, and the work per article is a regular expression pass plus a little around each
 * number.
 */
public final class ProfileFigureExtractor implements FigureExtractor {
  /** How far before a number a verb of winning may be. */
  private static final int WITH_BEFORE = 60;

  /** How close after a hypothetical number one set beside it is. */
  private static final int APPOSITION = 30;

  private final FigureVocabulary vocabulary;
  private final Actors actors;
  private final Elections elections;
  private final CueIndex cues;
  private final QuantityReader quantities;

  public ProfileFigureExtractor(FigureVocabulary vocabulary, KnowledgeBase kb) {
    this.vocabulary = vocabulary;
    this.actors = new Actors(kb, vocabulary);
    this.elections = new Elections(vocabulary);
    this.cues = CueIndex.ofLists(cuesOf(vocabulary));
    this.quantities = new QuantityReader(vocabulary);
  }

  /**
   * Every list of cues looked for around a number, as the stage asks for them: the profile's, then
   * the stage's own words.
   */
  static List<List<String>> cuesOf(FigureVocabulary vocabulary) {
    List<List<String>> all = new ArrayList<>();
    for (Quantity q : vocabulary.quantities()) {
      for (Form f : q.forms()) {
        all.add(f.with());
        all.add(f.without());
      }
    }
    vocabulary.elections().forEach(e -> all.add(e.cues()));
    vocabulary.contexts().forEach(c -> all.add(c.cues()));
    all.add(Speakers.SOURCE_BEFORE);
    all.add(Speakers.SAYING);
    all.add(SubjectFinder.CONTRAST);
    return all;
  }

  @Override
  public List<Figure> extract(RawArticle article, List<Entity> entities) {
    String text = article.getText();
    if (text == null || text.isBlank() || vocabulary.quantities().isEmpty()) {
      return List.of();
    }
    char[] chars = FoldedText.foldChars(text);
    String folded = new String(chars);
    List<NumberMention> numbers = NumberScanner.scan(folded, chars);
    if (numbers.isEmpty()) {
      return List.of();
    }
    Instant when =
        article.getPublishedAt() != null ? article.getPublishedAt() : article.getFetchedAt();
    LocalDate published = LocalDate.ofInstant(when, ZoneOffset.UTC);
    Actors.Finder names = actors.in(text, entities);
    ArticleText at = new ArticleText(text, folded, chars, cues.scan(folded, chars), names::find);
    Speakers speakers = new Speakers(at);
    SubjectFinder subjects = new SubjectFinder(at);
    // The article's own election is only looked for when a figure needs it.
    java.util.function.Supplier<Subject> articleElection =
        memo(() -> elections.ofArticle(at.cues, published));

    List<Figure> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Choice previous = null;
    Choice lastCount = null; // the latest count read, for a list that does not repeat its noun
    NumberMention lastCountAt = null;
    int hypotheticalEnd = -1;
    for (int i = 0; i < numbers.size(); i++) {
      NumberMention n = numbers.get(i);
      int sentence = at.sentenceOf(n.numberStart());
      int from = at.sentenceStart(sentence);
      int to = at.sentenceEnd(sentence);
      // A number's part of the sentence runs to its neighbours, but an article ("una
      // participación de...") is no neighbour.
      int segFrom = from;
      for (int k = i - 1; k >= 0 && numbers.get(k).end() > from; k--) {
        if (!QuantityReader.article(numbers.get(k), folded)) {
          segFrom = numbers.get(k).end();
          break;
        }
      }
      int segTo = to;
      for (int k = i + 1; k < numbers.size() && numbers.get(k).start() < to; k++) {
        if (!QuantityReader.article(numbers.get(k), folded)) {
          segTo = numbers.get(k).start();
          break;
        }
      }
      Clause clause = new Clause(from, to, segFrom, segTo);
      Choice q = quantities.of(n, folded, at.cues, clause);
      if (i > 0 && quantities.shareOfVoters(q, numbers.get(i - 1), n, folded, from)) {
        q = quantities.turnout();
      }
      if (q == null) {
        q = quantities.votedBefore(n, folded, from);
      }
      if (q == null && i > 0) {
        q = QuantityReader.elided(previous, numbers.get(i - 1), n, folded, from);
      }
      if (q == null && lastCount != null) {
        q = QuantityReader.listed(lastCount, lastCountAt, n, folded, at, sentence);
      }
      if (q == null && lastCount != null) {
        q = QuantityReader.officesListed(lastCount, lastCountAt, n, folded, at, sentence);
      }
      previous = q;
      if (q != null && !n.fraction()) {
        lastCount = q;
        lastCountAt = n;
      }
      if (q != null
          && (QuantityReader.hypothetical(folded, segFrom, n)
              || (hypotheticalEnd >= from && n.start() - hypotheticalEnd < APPOSITION))) {
        // "correspondería a unos 2,1 millones de votantes, alrededor de uno de cada diez": a
        // number set right after a hypothetical one is hypothetical too.
        hypotheticalEnd = n.end();
        continue;
      }
      if (q == null) {
        continue;
      }
      Actor speaker = speakers.of(sentence, n.numberStart());
      // The election a party's or candidate's figure is about (19 of 23 governorships in 2021 and
      // a 2025 count are figures of two elections); an election-wide figure's subject is one.
      Subject election = null;
      Subject subject =
          switch (q.quantity().subject()) {
            case ELECTION -> election = election(at, clause, n, published, articleElection);
            // A count of detained or killed people is about its context, not an election.
            case CONTEXT -> elections.context(at.cues, from, to, published);
            case ACTOR -> {
              if (q.form().election()) {
                yield election = election(at, clause, n, published, articleElection);
              }
              Actor a = subjects.actorOf(n, clause, preferPerson(q.quantity()), speaker);
              // "The opposition, which says its candidates got 5.3m votes": a speaker who says
              // it won a figure is its subject rather than someone named in an earlier sentence.
              if (a != null
                  && speaker != null
                  && speaker.canBeSubject()
                  && gainedBefore(folded, n, clause)
                  && !subjects.namedInSentence(a, clause)) {
                a = speaker;
              }
              if (a != null) {
                election = election(at, clause, n, published, articleElection);
                yield Subject.ofActor(a.id(), a.name());
              }
              // "The MUD itself says it won 113 of the 167 seats": a party or candidate that
              // states a count of offices, with no one else named, states its own.
              // "Capriles asegura que obtuvo 7,7 millones de votos": the votes or share a candidate
              // or party says it won, with no one else named, are its own.
              if (speaker != null
                  && speaker.canBeSubject()
                  && (!preferPerson(q.quantity()) || gainedBefore(folded, n, clause))) {
                election = election(at, clause, n, published, articleElection);
                yield Subject.ofActor(speaker.id(), speaker.name());
              }
              // Votes with no candidate or party near them are the election's votes cast.
              yield q.quantity().name().equals("votes")
                  ? (election = election(at, clause, n, published, articleElection))
                  : null;
            }
            case SPEAKER -> {
              Actor a = speaker != null ? speaker : subjects.actorOf(n, clause, false, null);
              if (a == null) {
                yield null;
              }
              election = election(at, clause, n, published, articleElection);
              yield Subject.ofActor(a.id(), a.name());
            }
          };
      if (subject == null || !plausible(n, q.quantity())) {
        continue;
      }
      String key =
          q.quantity().name()
              + "|"
              + subject.id()
              + "|"
              + (election == null ? "" : election.id())
              + "|"
              + n.value()
              + "|"
              + n.max();
      if (!seen.add(key)) {
        continue; // a repeat of a value already stated is not a new claim
      }
      int end = Math.max(n.end(), q.nounEnd());
      out.add(
          Figure.newBuilder()
              .setQuantity(q.quantity().name())
              .setSubject(subject.id())
              .setSubjectName(subject.name())
              .setValue(n.value())
              .setTotal(n.total())
              .setMax(n.max())
              .setApproximate(n.approximate())
              .setPrecision(n.precision())
              .setAttributedTo(speaker == null ? null : speaker.name())
              .setElection(election == null ? null : election.id())
              .setText(text.substring(n.start(), end))
              .setStart(n.start())
              .setEnd(end)
              .build());
    }
    return out;
  }

  /** Where a number sits: its sentence, and the part of it up to the neighbouring numbers. */
  record Clause(int from, int to, int segmentFrom, int segmentTo) {}

  private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> s) {
    Object[] cell = new Object[1];
    boolean[] done = new boolean[1];
    return () -> {
      if (!done[0]) {
        cell[0] = s.get();
        done[0] = true;
      }
      @SuppressWarnings("unchecked")
      T t = (T) cell[0];
      return t;
    };
  }

  private Subject election(
      ArticleText at,
      Clause c,
      NumberMention n,
      LocalDate published,
      java.util.function.Supplier<Subject> ofArticle) {
    Subject s =
        elections.inClause(
            at.folded, at.cues, c.segmentFrom(), c.segmentTo(), n.numberStart(), published);
    if (s == null) {
      // The sentence before the number's part too, but not past the next number: "Turnout was
      // 54%, down from 80% in October's presidential vote" names the 80 %'s election only.
      s =
          elections.inClause(
              at.folded, at.cues, c.from(), c.segmentTo(), n.numberStart(), published);
    }
    if (s != null) {
      return s;
    }
    // "In April 2013 he beat Capriles with 50.61 percent", in a report on 2018: that year's.
    Subject dated =
        elections.ofYearInClause(
            at.folded, c.from(), c.segmentTo(), n.numberStart(), ofArticle.get());
    return dated != null ? dated : ofArticle.get();
  }

  /** A verb of winning or getting votes: "obtuvo", "ganamos", "received", "won". */
  private static final java.util.regex.Pattern GAINED =
      java.util.regex.Pattern.compile(
          "\\b(?:obtuvo|obtuvimos|obtuve|obtuvieron|gano|ganamos|gane|ganaron|sumo|sumamos"
              + "|sumaron|logro|logramos|lograron|recibio|recibimos|recibieron|saco|sacamos"
              + "|sacaron|alcanzo|alcanzamos|alcanzaron|won|received|got|obtained|secured"
              + "|garnered|took)\\b");

  /** Whether a verb of winning stands before the number in its part of the sentence. */
  private static boolean gainedBefore(String folded, NumberMention n, Clause c) {
    int from = Math.max(c.segmentFrom(), n.start() - WITH_BEFORE);
    return from < n.start() && GAINED.matcher(folded).region(from, n.start()).find();
  }

  private static boolean preferPerson(Quantity q) {
    return q.name().equals("vote-share") || q.name().equals("votes");
  }

  /** A share is at most the whole, a count of offices at most the offices at stake. */
  private static boolean plausible(NumberMention n, Quantity q) {
    if (n.fraction()) {
      return n.value() > 0 && n.value() <= 1;
    }
    return n.value() >= 1 && (n.total() == null || n.value() <= n.total());
  }
}
