package io.vigia.enrich.bench;

import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.entities.KnowledgeBase;
import io.vigia.enrich.entities.KnowledgeBaseEntityLinker;
import io.vigia.enrich.figures.FigureVocabulary;
import io.vigia.enrich.figures.ProfileFigureExtractor;
import io.vigia.enrich.relevance.ProfileRelevanceScorer;
import io.vigia.enrich.relevance.RelevanceRules;
import io.vigia.enrich.stance.CueStanceScorer;
import io.vigia.enrich.stance.StanceCues;
import io.vigia.schemas.Entity;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.testing.SampleArticles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Per-article cost of entity tagging, relevance and stance with the bundled profile, on one thread,
 * over generated 500-word articles in Spanish and English (names, cues and filler mixed at
 * realistic rates). Prints the median and p99 in milliseconds after a warm-up, then the same of the
 * thread's CPU time (which a loaded machine disturbs less than the wall time). Run: {@code
 * bench/analysis-bench.sh}, or {@code bench/analysis-bench.sh figures} (any of {@code entities},
 * {@code relevance}, {@code stance}, {@code figures}) to measure only those.
 */
public final class AnalysisBenchmark {
  private static final String[] NAMES = {
    "Nicolás Maduro",
    "María Corina Machado",
    "Edmundo González",
    "el Consejo Nacional Electoral",
    "the National Electoral Council",
    "Diosdado Cabello",
    "Estados Unidos",
    "the United States",
    "la Unión Europea",
    "the CNE",
    "González",
    "Caracas",
    "Maracaibo",
    "el TSJ",
    "Washington",
    "Delcy Rodríguez",
    "the OAS",
    "Brasil",
    "Colombia",
    "PSUV"
  };
  private static final String[] WORDS =
      ("el la de que y en los se del las un por con no una su para es al lo como más pero sus le ya o "
              + "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they "
              + "elecciones votación régimen gobierno oposición resultados actas observadores campaña candidato election vote regime "
              + "government opposition results tally observers campaign candidate sanctions sanciones protesta protest fraude fraud "
              + "histórica victoria soberanía injerencia dictadura represión presos políticos comunicado declaró afirmó said stated")
          .split(" ");

  private AnalysisBenchmark() {}

  public static void main(String[] args) {
    List<String> only = List.of(args);
    java.util.function.Predicate<String> wanted = w -> only.isEmpty() || only.contains(w);
    WatchProfile profile = WatchProfile.load("venezuela-elections");
    KnowledgeBaseEntityLinker entities =
        new KnowledgeBaseEntityLinker(KnowledgeBase.fromProfile(profile));
    ProfileRelevanceScorer relevance =
        new ProfileRelevanceScorer(
            RelevanceRules.from(profile.readTree("relevance.yaml").orElseThrow(), "rel"));
    CueStanceScorer stance =
        new CueStanceScorer(
            StanceCues.from(profile.readTree("stance.yaml").orElseThrow(), "stance"));
    RawArticle[] articles = new RawArticle[500];
    Random random = new Random(7);
    for (int i = 0; i < articles.length; i++) {
      articles[i] =
          SampleArticles.raw(
                  "https://bench.example/" + i,
                  "Titular " + i + " sobre " + NAMES[i % NAMES.length],
                  text(random, 500))
              .build();
    }
    List<Entity> found = entities.link(articles[0].getTitle(), articles[0].getText(), "es");
    if (wanted.test("entities")) {
      measure(
          "entity tagging",
          articles,
          a -> entities.link(a.getTitle(), a.getText(), a.getLanguage()));
    }
    if (wanted.test("relevance")) {
      measure("relevance", articles, a -> relevance.score(a, found));
    }
    if (wanted.test("stance")) {
      measure("stance", articles, a -> stance.score(a, found));
      // The same cues through the profile's learned model, as the pipeline runs them.
      io.vigia.enrich.analysis.StanceScorer learned =
          io.vigia.enrich.ArticleAnalyzers.stanceScorer(profile, stance.cues());
      measure("stance (learned model)", articles, a -> learned.score(a, found));
    }
    for (String arg : only) {
      // stance-model=FILE: a stance-model.json to measure instead (e.g. one with a lexical part)
      if (arg.startsWith("stance-model=")) {
        java.nio.file.Path file = java.nio.file.Path.of(arg.substring("stance-model=".length()));
        io.vigia.enrich.stance.LearnedStanceScorer other;
        try {
          other =
              new io.vigia.enrich.stance.LearnedStanceScorer(
                  stance.cues(),
                  io.vigia.enrich.stance.StanceModel.from(
                      new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()),
                      file.toString()),
                  file.toString());
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        measure("stance (model " + file.getFileName() + ")", articles, a -> other.score(a, found));
      }
    }
    if (!wanted.test("figures")) {
      return;
    }
    // Figures: the same articles with numbers written into them as articles write them.
    ProfileFigureExtractor figures =
        new ProfileFigureExtractor(
            FigureVocabulary.from(profile.readTree("figures.yaml").orElseThrow(), "figures"),
            KnowledgeBase.fromProfile(profile));
    RawArticle[] withNumbers = new RawArticle[articles.length];
    for (int i = 0; i < articles.length; i++) {
      withNumbers[i] =
          SampleArticles.raw(
                  "https://bench.example/n" + i, articles[i].getTitle(), withFigures(random, 500))
              .build();
    }
    List<Entity> inNumbers = entities.link("", withNumbers[0].getText(), "es");
    measure("figures", withNumbers, a -> figures.extract(a, inNumbers));
  }

  private static final String[] FIGURES = {
    "la participación se ubicó en 41,80 %",
    "18 de las 23 gobernaciones",
    "2.229 personas detenidas",
    "5.150.092 votos",
    "el 28 de julio de 2024",
    "turnout at nearly 42 percent",
    "more than 2.4 million people voted",
    "entre 1.200 y 1.500",
    "el artículo 293",
    "de 56 años"
  };

  private static String withFigures(Random r, int words) {
    StringBuilder sb = new StringBuilder(text(r, words));
    for (int k = 0; k < 8; k++) {
      int at = sb.indexOf(" ", r.nextInt(sb.length()));
      if (at > 0) {
        sb.insert(at + 1, FIGURES[r.nextInt(FIGURES.length)] + " ");
      }
    }
    return sb.toString();
  }

  private static String text(Random r, int words) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      if (r.nextInt(25) == 0) {
        sb.append(NAMES[r.nextInt(NAMES.length)]);
      } else if (r.nextInt(60) == 0) {
        sb.append('“').append(WORDS[r.nextInt(WORDS.length)]).append('”');
      } else {
        sb.append(WORDS[r.nextInt(WORDS.length)]);
      }
      sb.append(r.nextInt(18) == 0 ? ". " : r.nextInt(90) == 0 ? ".\n\n" : " ");
    }
    return sb.toString();
  }

  private static void measure(String what, RawArticle[] articles, Consumer<RawArticle> work) {
    for (int round = 0; round < 20; round++) { // warm-up: let the JIT compile the hot paths
      for (RawArticle a : articles) {
        work.accept(a);
      }
    }
    // Wall time, and beside it the CPU time the thread spent: on a loaded machine the wall time
    // counts the time the thread waited for a core, its CPU time does not.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] nanos = new long[articles.length * 10];
    long[] cpu = new long[nanos.length];
    int n = 0;
    long cpuTotal = 0;
    for (int round = 0; round < 10; round++) {
      for (RawArticle a : articles) {
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        work.accept(a);
        nanos[n] = System.nanoTime() - t0;
        cpu[n] = threads.getCurrentThreadCpuTime() - c0;
        cpuTotal += cpu[n++];
      }
    }
    Arrays.sort(nanos);
    Arrays.sort(cpu);
    System.out.printf(
        Locale.ROOT,
        "RESULT %s per 500-word article: median %.3f ms, p99 %.3f ms (%d runs, one thread)%n",
        what,
        nanos[n / 2] / 1e6,
        nanos[(int) (n * 0.99)] / 1e6,
        n);
    System.out.printf(
        Locale.ROOT,
        "RESULT %s cpu per 500-word article: median %.3f ms, p99 %.3f ms, mean %.3f ms"
            + " (thread CPU time, same runs)%n",
        what,
        cpu[n / 2] / 1e6,
        cpu[(int) (n * 0.99)] / 1e6,
        cpuTotal / 1e6 / n);
  }
}
