package io.vigia.enrich.figures;

import io.vigia.enrich.analysis.FigureExtractor;
import io.vigia.enrich.entities.KnowledgeBase;
import io.vigia.enrich.figures.Actors.Actor;
import io.vigia.enrich.figures.Elections.Subject;
import io.vigia.enrich.figures.FigureVocabulary.Form;
import io.vigia.enrich.figures.FigureVocabulary.Quantity;
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
  /** How far before a number, and after its noun, a noun form's verb may be. */
  private static final int WITH_BEFORE = 60;

  private static final int WITH_AFTER = 40;

  private static final int WITHOUT_AROUND = 60;

  private final FigureVocabulary vocabulary;
  private final Actors actors;
  private final Elections elections;
  private final CueIndex cues;

  public ProfileFigureExtractor(FigureVocabulary vocabulary, KnowledgeBase kb) {
    this.vocabulary = vocabulary;
    this.actors = new Actors(kb, vocabulary);
    this.elections = new Elections(vocabulary);
    this.cues = CueIndex.ofLists(cuesOf(vocabulary));
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
    for (int i = 0; i < numbers.size(); i++) {
      NumberMention n = numbers.get(i);
      int sentence = at.sentenceOf(n.numberStart());
      int from = at.sentenceStart(sentence);
      int to = at.sentenceEnd(sentence);
      int segFrom = i > 0 && numbers.get(i - 1).end() > from ? numbers.get(i - 1).end() : from;
      int segTo =
          i + 1 < numbers.size() && numbers.get(i + 1).start() < to
              ? numbers.get(i + 1).start()
              : to;
      Clause clause = new Clause(from, to, segFrom, segTo);
      Choice q = quantityOf(n, folded, at.cues, clause);
      if (q == null && i > 0) {
        q = elided(previous, numbers.get(i - 1), n, folded, from);
      }
      if (q == null && lastCount != null) {
        q = listed(lastCount, lastCountAt, n, folded, at, sentence);
      }
      previous = q;
      if (q != null && !n.fraction()) {
        lastCount = q;
        lastCountAt = n;
      }
      if (q == null) {
        continue;
      }
      Actor speaker = speakers.of(sentence, n.numberStart());
      // The election a party's or candidate's figure is about (19 of 23 governorships in 2021 and
      // a 2025 count are figures of two elections); an election-wide figure's subject is one.
      Subject election = null;
      Subject subject =
          switch (q.quantity.subject()) {
            case ELECTION -> election = election(at, clause, n, published, articleElection);
            // A count of detained or killed people is about its context, not an election.
            case CONTEXT -> elections.context(at.cues, from, to, published);
            case ACTOR -> {
              if (q.form.election()) {
                yield election = election(at, clause, n, published, articleElection);
              }
              Actor a = subjects.actorOf(n, clause, preferPerson(q.quantity), speaker);
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
                yield new Subject(a.id(), a.name());
              }
              // "The MUD itself says it won 113 of the 167 seats": a party or candidate that
              // states a count of offices, with no one else named, states its own.
              // "Capriles asegura que obtuvo 7,7 millones de votos": the votes or share a candidate
              // or party says it won, with no one else named, are its own.
              if (speaker != null
                  && speaker.canBeSubject()
                  && (!preferPerson(q.quantity) || gainedBefore(folded, n, clause))) {
                election = election(at, clause, n, published, articleElection);
                yield new Subject(speaker.id(), speaker.name());
              }
              // Votes with no candidate or party near them are the election's votes cast.
              yield q.quantity.name().equals("votes")
                  ? (election = election(at, clause, n, published, articleElection))
                  : null;
            }
            case SPEAKER -> {
              Actor a = speaker != null ? speaker : subjects.actorOf(n, clause, false, null);
              if (a == null) {
                yield null;
              }
              election = election(at, clause, n, published, articleElection);
              yield new Subject(a.id(), a.name());
            }
          };
      if (subject == null || !plausible(n, q.quantity)) {
        continue;
      }
      String key =
          q.quantity.name()
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
      int end = Math.max(n.end(), q.nounEnd);
      out.add(
          Figure.newBuilder()
              .setQuantity(q.quantity.name())
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

  /**
   * "6.27 million votes against 2.75 million for Maduro", "18 gobernaciones frente a 5": a bare
   * number set against the number just before it, in the same sentence and written the same way,
   * counts what that one counts (the noun is not repeated).
   */
  private static Choice elided(
      Choice previous, NumberMention before, NumberMention n, String folded, int sentenceFrom) {
    if (previous == null
        || previous.nounEnd < 0
        || before.start() < sentenceFrom
        || n.inWords()
        || before.fraction() != n.fraction()) {
      return null;
    }
    int gapFrom = Math.max(before.end(), previous.nounEnd);
    if (gapFrom > n.start() || !SET_AGAINST.matcher(folded).region(gapFrom, n.start()).matches()) {
      return null;
    }
    return new Choice(previous.quantity, previous.form, previous.score, -1);
  }

  /**
   * "1.820.552 votos (20,9 %) y Javier Bertucci, 925.042", "...1.900.528 votos, el 64,2 %. Pérez
   * sumó 896.875": a count in digits with no noun of its own, in a list of counts that named its
   * noun once (in its sentence or the one before, in one paragraph), counts what the list counts
   * when it is of the same order (a tenth to ten times the other) and in the thousands (a small
   * bare number is an age or a day as often as a count). A part of the count ("de ellos", "of
   * them"), a difference ("menos que", "more than") or an expectation ("above", "esperaba") is not
   * one of the list.
   */
  private static Choice listed(
      Choice last, NumberMention lastAt, NumberMention n, String folded, ArticleText at, int s) {
    // in the thousands: a small bare number is an age or a day as often as a count
    if (n.inWords()
        || n.fraction()
        || n.value() < 1000
        || n.value() < lastAt.value() / 10
        || n.value() > lastAt.value() * 10) {
      return null;
    }
    int lastSentence = at.sentenceOf(lastAt.numberStart());
    if (s - lastSentence > 1 || !at.sameParagraph(lastSentence, s)) {
      return null;
    }
    int from = Math.max(at.sentenceStart(s), lastAt.end());
    if (NOT_LISTED_BEFORE.matcher(folded).region(Math.max(from, n.start() - 30), n.start()).find()
        || NOT_LISTED_AFTER
            .matcher(folded)
            .region(n.end(), Math.min(folded.length(), n.end() + 30))
            .lookingAt()) {
      return null;
    }
    return new Choice(last.quantity, last.form, last.score, -1);
  }

  private static final java.util.regex.Pattern NOT_LISTED_BEFORE =
      java.util.regex.Pattern.compile(
          "(?:\\b(?:de ellos|de ellas|of them|of whom|among them|entre ellos|above|below|encima"
              + "|debajo|than|mas que|menos que|esperaba|esperaban|expected|hoped)\\b[^.;]*"
              + "|\\b(?:por|by)\\s+)$");

  private static final java.util.regex.Pattern NOT_LISTED_AFTER =
      java.util.regex.Pattern.compile(
          "\\s*(?:menos|mas|more|fewer|less|de diferencia|de ventaja|de ellos|de ellas|of them"
              + "|of whom|(?!(?:para|for|a|to)\\b)[a-z])");

  private static final java.util.regex.Pattern SET_AGAINST =
      java.util.regex.Pattern.compile(
          "\\s*,?\\s*(?:against|versus|vs\\.?|compared with|to|frente a|contra|ante|y|and"
              + "|mientras que|while)\\s+(?:(?:los|las|el|la|the)\\s+)?");

  /** Where a number sits: its sentence, and the part of it up to the neighbouring numbers. */
  record Clause(int from, int to, int segmentFrom, int segmentTo) {}

  private record Choice(Quantity quantity, Form form, double score, int nounEnd) {}

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
    return s != null ? s : ofArticle.get();
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

  /**
   * The quantity a number is: one whose noun follows it beats one whose cue is in its segment of
   * the sentence, which beats one whose cue is earlier in the sentence; a percentage beside a
   * candidate or party with no other cue is a vote share.
   */
  private Choice quantityOf(NumberMention n, String folded, CueIndex.Hits hits, Clause c) {
    int nouns = skipSpaceAndScale(folded, n.nounsFrom());
    Choice best = null;
    // "el 96,87 % de las actas transmitidas": a noun that alone says what the number counts owns
    // it, even when its form is ruled out; no cue elsewhere in the sentence makes it another
    // figure.
    boolean owned = false;
    NounBefore.Link link = null; // read once, when a noun before the number is first looked for
    for (Quantity q : vocabulary.quantities()) {
      if (!q.unit().admits(n.fraction())) {
        continue;
      }
      for (Form f : q.forms()) {
        double score;
        int nounEnd = -1;
        if (!f.nouns().isEmpty()) {
          nounEnd = nounAt(folded, f.nouns(), nouns);
          if (nounEnd < 0) {
            // "los fallecidos suman treinta y seis", "la cifra de detenidos asciende a 1.854"
            if (f.with().isEmpty() && link == null) {
              link = NounBefore.linkBefore(folded, n, c);
            }
            if (f.with().isEmpty() && NounBefore.nounBefore(folded, f.nouns(), link)) {
              score = 2.5;
            } else {
              continue;
            }
          } else {
            score = 3;
            owned |= f.with().isEmpty();
          }
          if (nounEnd >= 0 && !f.with().isEmpty()) {
            // "had arrested 2,229 people", "25 people have died": the verb is close by.
            Clause near =
                new Clause(
                    c.from(),
                    c.to(),
                    Math.max(c.from(), n.start() - WITH_BEFORE),
                    Math.min(c.to(), nounEnd + WITH_AFTER));
            double cue = cueScore(hits, f.with(), near, n.numberStart());
            if (cue < 2) {
              continue;
            }
            score += cue - 2;
          }
        } else if (n.inWords()) {
          continue;
        } else if (!f.with().isEmpty()) {
          score = cueScore(hits, f.with(), c, n.numberStart());
          if (score == 0) {
            continue;
          }
        } else {
          score = 0.5; // actor: true, checked when the subject is sought
        }
        // Words that rule a form out ("la distancia entre los dos era de 2.000 votos") are
        // looked for around the number within its sentence, whatever numbers stand between.
        int near = Math.max(nounEnd, n.end());
        if (!f.without().isEmpty()
            && hits.anyIn(f.without(), withoutFrom(n, c), withoutTo(near, c))) {
          continue;
        }
        if (best == null || score > best.score) {
          best = new Choice(q, f, score, nounEnd);
        }
      }
    }
    return owned && best != null && best.nounEnd < 0 ? null : best;
  }

  /**
   * Where words that rule a form out are looked for before a number: up to {@link #WITHOUT_AROUND}
   * characters back in its sentence, whatever numbers stand between ("con 99 % de las actas, la
   * distancia era de 2.000 votos": what a number is, is mostly said before it).
   */
  private static int withoutFrom(NumberMention n, Clause c) {
    return Math.max(c.from(), n.start() - WITHOUT_AROUND);
  }

  /**
   * The same after a number and its noun, but only up to the midpoint to the next number: a word
   * nearer to that one is its own ("Seis de cada diez acudieron a votar, y la abstención rondó el
   * 41 %": abstention is the 41 %'s word, not the six in ten's).
   */
  private static int withoutTo(int near, Clause c) {
    int to = Math.min(c.to(), near + WITHOUT_AROUND);
    return c.segmentTo() < c.to() ? Math.min(to, (near + c.segmentTo() + 1) / 2) : to;
  }

  /** 2 plus nearness when a cue is in the number's segment, 1 when earlier in the sentence. */
  private static double cueScore(CueIndex.Hits hits, List<String> cues, Clause c, int pos) {
    double best = 0;
    int[] ids = hits.ids(cues);
    for (int k = 0; k < ids.length; k++) {
      String cue = cues.get(k);
      int at = hits.nearest(ids[k], cue, c.segmentFrom(), c.segmentTo(), pos);
      if (at >= 0) {
        best = Math.max(best, 2 + 1.0 / (1 + Math.abs(at - pos)));
      } else if (hits.nearest(ids[k], cue, c.from(), pos, pos) >= 0) {
        best = Math.max(best, 1);
      }
    }
    return best;
  }

  private static int skipSpaceAndScale(String folded, int i) {
    while (i < folded.length() && Character.isWhitespace(folded.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of the first noun that starts at {@code at} (or after a "de"/"of"), or -1. */
  private static int nounAt(String folded, List<String> nouns, int at) {
    for (int k = 0; k < 2; k++) {
      boolean inText = at < folded.length();
      char first =
          inText ? folded.charAt(at) : 0; // most nouns differ from it by their first letter
      for (String noun : nouns) {
        if (!noun.isEmpty() && (!inText || noun.charAt(0) != first)) {
          continue;
        }
        if (FoldedText.startsWord(folded, noun, at)) {
          return at + noun.length();
        }
      }
      if (folded.startsWith("de ", at) || folded.startsWith("of ", at)) {
        at += 3;
      } else {
        break;
      }
    }
    return -1;
  }
}
